package io.statewise.algorithms.deepar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.synthetic.SeasonalSeries;
import io.statewise.algorithms.HyperParameters;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Epoch ends: the model forecasts with the parameters of the epoch with the lowest validation loss, which survive
 * further epochs, parameter averaging and the state codec.
 */
class EarlyStoppingTest {

    private final DeepAr deepar = DeepArTesting.deepar(DeepArTesting.small("early_stopping_patience", 3));
    private final List<Batch> batches = DeepArTesting.batches(new SeasonalSeries(8, 40, 12, 0.3, 0, 0.05, false, 3)
            .generate(), 4);

    private DeepArState trainedEpoch(DeepArState global, int batch, long seed) {
        DeepArState partial = deepar.startPartial(global, seed);
        deepar.update(partial, batches.get(batch));
        return deepar.completeEpoch(global, partial);
    }

    @Test
    void theModelKeepsTheParametersOfTheBestValidationEpoch() {
        DeepArState g0 = deepar.init(DataSchema.SERIES);
        assertArrayEquals(g0.params, deepar.finalize(g0, deepar.hyperParameters()).parameters(),
                "before an epoch end the model is the current parameters");

        DeepArState e1 = deepar.endEpoch(trainedEpoch(g0, 0, 1), new DeepArScores(10.0, 1));
        float[] bestParams = e1.params.clone();
        DeepArState e2 = deepar.endEpoch(trainedEpoch(e1, 1, 2), new DeepArScores(12.0, 1));
        assertFalse(Arrays.equals(bestParams, e2.params), "the second epoch trained");
        assertEquals(1, e2.progress.patience());
        HyperParameters hp = deepar.hyperParameters();
        assertArrayEquals(bestParams, deepar.finalize(e2, hp).parameters(), "a worse epoch leaves the model");

        DeepArState decoded = deepar.stateCodec().decode(deepar.stateCodec().encode(e2));
        assertArrayEquals(bestParams, deepar.finalize(decoded, hp).parameters(), "the best epoch is encoded");
        assertArrayEquals(e2.params, decoded.params);

        DeepArState e3 = deepar.endEpoch(trainedEpoch(decoded, 0, 3), new DeepArScores(9.0, 1));
        assertArrayEquals(e3.params, deepar.finalize(e3, hp).parameters(), "a better epoch becomes the model");
        assertTrue(e3.bestLoss() == 9.0);
    }
}
