package io.statewise.algorithms.deepar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.synthetic.SeasonalSeries;
import io.statewise.algorithms.HyperParameters;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Epoch ends: the model forecasts with the parameters of the epoch with the lowest validation loss, which survive
 * further epochs, parameter averaging and the state codec; epochs without a lower loss decay the learning rate.
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
        assertEquals(9.0, e3.bestLoss(), 0, "the best loss is the better epoch's");
    }

    @Test
    void aPlateauHalvesTheLearningRateOfLaterSteps() {
        DeepAr decaying = DeepArTesting.deepar(DeepArTesting.small("early_stopping_patience", 3,
                "learning_rate_decay_patience", 2, "learning_rate_decay_warmup_epochs", 0, "windows_per_series", 1));
        DeepArState g = decaying.init(DataSchema.SERIES);
        double[] validation = {10.0, 11.0, 12.0};
        for (double loss : validation) {
            DeepArState p = decaying.startPartial(g, 1);
            decaying.update(p, batches.get(0));
            g = decaying.endEpoch(decaying.completeEpoch(g, p), new DeepArScores(loss, 1));
        }
        assertEquals(1, g.learningRateDecays(), "two epochs without a lower loss: one decay");
        assertFalse(g.stopped());
        DeepArState decoded = decaying.stateCodec().decode(decaying.stateCodec().encode(g));
        assertEquals(1, decoded.learningRateDecays(), "the decay is encoded");

        // Adam's step is proportional to its rate: the same step from the same moments moves half as far
        DeepArState halved = decaying.startPartial(decoded, 7);
        decoded.learningRateDecays = 0;
        DeepArState full = decaying.startPartial(decoded, 7);
        assertEquals(1, decaying.merge(halved, full).learningRateDecays(), "a merge keeps the most decays");
        decaying.update(halved, batches.get(1));
        decaying.update(full, batches.get(1));
        for (int i = 0; i < g.params.length; i += 97) {
            double fullChange = full.params[i] - full.base[i];
            double halvedChange = halved.params[i] - halved.base[i];
            assertEquals(0.5 * fullChange, halvedChange, 1e-3 * Math.abs(fullChange) + 1e-7, "parameter " + i);
        }
    }
}
