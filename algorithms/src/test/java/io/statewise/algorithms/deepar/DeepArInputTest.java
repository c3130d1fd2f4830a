package io.statewise.algorithms.deepar;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.DataException;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.Series;
import io.statewise.algorithms.data.SeriesBatch;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Series that do not fit the configuration fail with the series' origin, id and what is wrong. */
class DeepArInputTest {

    private static final LocalDateTime START = LocalDateTime.of(2010, 1, 1, 0, 0);

    private static SeriesBatch one(float[] target, int[] cat, float[][] dynamic) {
        SeriesBatch batch = new SeriesBatch(1);
        batch.add(new Series("item-7", START, target, cat, dynamic), "data.json:17");
        return batch;
    }

    private static float[] values(int n, float v) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    private static void fails(Executable e, String... parts) {
        DataException error = assertThrows(DataException.class, e);
        assertTrue(error.getMessage().startsWith("data.json:17: series 'item-7'"), error.getMessage());
        for (String part : parts) assertTrue(error.getMessage().contains(part), error.getMessage());
    }

    private static void train(Map<String, Object> hp, SeriesBatch batch) {
        DeepAr deepar = DeepArTesting.deepar(hp);
        deepar.update(deepar.startPartial(deepar.init(DataSchema.SERIES), 1), batch);
    }

    @Test
    void categoriesMustFitTheCardinality() {
        fails(() -> train(DeepArTesting.small("cardinality", "[3]"), one(values(30, 1), new int[] {3}, null)),
                "cat[0] = 3 is beyond cardinality 3");
        fails(() -> train(DeepArTesting.small(), one(values(30, 1), new int[] {1}, null)), "cardinality is auto");
        train(DeepArTesting.small("cardinality", "ignore"), one(values(30, 1), new int[] {9}, null));
    }

    @Test
    void dynamicFeaturesMustHaveTheRightCountAndLength() {
        fails(() -> train(DeepArTesting.small("num_dynamic_feat", "1"), one(values(30, 1), null,
                new float[][] {values(31, 0)})), "dynamic_feat has length 31", "30 or 36");
        fails(() -> train(DeepArTesting.small(), one(values(30, 1), null, new float[][] {values(30, 0)})),
                "num_dynamic_feat is auto");
        DeepArModel model = DeepArTesting.deepar(DeepArTesting.small("num_dynamic_feat", "1"))
                .finalize(DeepArTesting.deepar(DeepArTesting.small("num_dynamic_feat", "1")).init(DataSchema.SERIES));
        fails(() -> model.forecast(one(values(30, 1), null, new float[][] {values(30, 0)})), "must be 36");
    }

    @Test
    void valuesMustFitTheLikelihoodAndTestSeriesTheHorizon() {
        fails(() -> train(DeepArTesting.small("likelihood", "negative-binomial"), one(new float[] {1, 2, -3, 4}, null,
                null)), "target[2]", "negative value -3.0 with the negative-binomial likelihood");
        fails(() -> train(DeepArTesting.small(), one(values(5, Float.NaN), null, null)), "no observed value");
        DeepAr deepar = DeepArTesting.deepar(DeepArTesting.small());
        DeepArEvaluator evaluator = deepar.evaluator(deepar.finalize(deepar.init(DataSchema.SERIES)));
        fails(() -> evaluator.add(one(values(6, 1), null, null)), "not more than prediction_length 6");
        assertThrows(IllegalArgumentException.class, () -> evaluator.add(DenseBatch.of(new float[][] {{1}})));
        assertThrows(IllegalArgumentException.class, () -> deepar.init(new DataSchema(3, false)));
    }
}
