package io.statewise.algorithms.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics of hand-made models on hand-made records, dense and sparse alike. */
class LinearEvaluatorTest {

    private static final PackedSetting SETTING = new PackedSetting(0.1, 0, 0);

    private static Metrics evaluate(LinearModel model, LinearTesting.Data data, boolean sparse, int topK) {
        LinearEvaluator e = new LinearEvaluator(model, topK);
        List<Batch> batches = data.batches(2, sparse);
        for (Batch b : batches) e.add(b);
        return e.result();
    }

    @Test
    void regressionMetrics() {
        LinearModel model = new LinearModel(PredictorType.REGRESSOR, new float[][] {{2, 0}}, new float[] {1}, 0.5, 0,
                SETTING, new double[] {0}, new int[0]);
        LinearTesting.Data data = new LinearTesting.Data(new float[][] {{0, 5}, {1, 0}, {2, 0}}, new float[] {1, 3, 6});
        for (boolean sparse : new boolean[] {false, true}) {
            Metrics m = evaluate(model, data, sparse, 3);
            assertEquals(1 / 3.0, m.get("mse"), 1e-12);
            assertEquals(Math.sqrt(1 / 3.0), m.get("rmse"), 1e-12);
            assertEquals(1 / 3.0, m.get("mae"), 1e-12);
            assertEquals(1 - 1 / (38 / 3.0), m.get("r2"), 1e-12);
        }
    }

    @Test
    void binaryMetrics() {
        LinearModel model = new LinearModel(PredictorType.BINARY_CLASSIFIER, new float[][] {{1}}, new float[] {0}, 0.5,
                0, SETTING, new double[] {0}, new int[0]);
        LinearTesting.Data data = new LinearTesting.Data(new float[][] {{-2}, {-1}, {1}, {2}},
                new float[] {0, 1, 1, 0});
        for (boolean sparse : new boolean[] {false, true}) {
            Metrics m = evaluate(model, data, sparse, 3);
            assertEquals(0.5, m.get("accuracy"), 0);
            assertEquals(0.5, m.get("precision"), 0);
            assertEquals(0.5, m.get("recall"), 0);
            assertEquals(0.5, m.get("f1"), 0);
            assertEquals(0.5, m.get("auc"), 0);
            double logLoss = (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(1)) + Math.log1p(Math.exp(-1))
                    + Math.log1p(Math.exp(2))) / 4;
            assertEquals(logLoss, m.get("log_loss"), 1e-12);
        }
        LinearTesting.Data separable = new LinearTesting.Data(new float[][] {{-2}, {-1}, {1}, {2}},
                new float[] {0, 0, 1, 1});
        assertEquals(1.0, evaluate(model, separable, false, 3).get("auc"), 0);
        BinaryPrediction p = (BinaryPrediction) model.predict(new float[] {0.1f});
        assertEquals(1, p.label());
        assertEquals(Loss.sigmoid(0.1f), p.score(), 1e-12);
    }

    @Test
    void multiclassMetrics() {
        LinearModel model = new LinearModel(PredictorType.MULTICLASS_CLASSIFIER,
                new float[][] {{1, 0}, {0, 1}, {-1, -1}, {0, 0}}, new float[] {0, 0, 0, -10}, 0.5, 0, SETTING,
                new double[] {0}, new int[0]);
        // predictions: class 0, class 1, class 2, class 0; labels 0, 1, 1, 3
        LinearTesting.Data data = new LinearTesting.Data(new float[][] {{2, 0}, {0, 2}, {-2, -2}, {3, 1}},
                new float[] {0, 1, 1, 3});
        for (boolean sparse : new boolean[] {false, true}) {
            Metrics m = evaluate(model, data, sparse, 2);
            assertEquals(0.5, m.get("accuracy"), 0);
            // top-2: record 2's label 1 ranks second (scores 2, -2, 4, -10 -> order 2, 0, 1): miss; record 3: label 3
            // last: miss
            assertEquals(0.5, m.get("top_k_accuracy"), 0);
            // classes present: 0 (tp 1, predicted 2, true 1), 1 (1, 1, 2), 2 (0, 1, 0), 3 (0, 0, 1)
            assertEquals((0.5 + 1 + 0 + 0) / 4, m.get("macro_precision"), 1e-12);
            assertEquals((1 + 0.5 + 0 + 0) / 4, m.get("macro_recall"), 1e-12);
            assertEquals((2.0 / 3 + 2.0 / 3 + 0 + 0) / 4, m.get("macro_f1"), 1e-12);
            assertEquals(4, m.values().size() - 2);
        }
        assertThrows(IllegalArgumentException.class, () -> evaluate(model, new LinearTesting.Data(
                new float[][] {{0, 0}}, new float[] {4}), false, 2));
    }
}
