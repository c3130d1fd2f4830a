package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import org.junit.jupiter.api.Test;

/**
 * The same records as CSR batches and as dense batches train the same models: the packed products skip zeros in both
 * forms, so they agree bit for bit given the same normalizer; the scaler's moments differ only by the rounding of
 * implicit zeros, far below the tolerance. Nearly dense batches store their few zeros (the full pattern), which
 * changes only the grouping of sums: the same tolerance holds.
 */
class SparseDenseTest {

    private static void assertSameTraining(LinearLearner algorithm, LinearTesting.Data data) {
        LinearState dense = new LinearLearnerDriver(algorithm, 2, 3, true).train(data.schema(false),
                data.splits(3, 100, false));
        LinearState sparse = new LinearLearnerDriver(algorithm, 2, 3, true).train(data.schema(true),
                data.splits(3, 100, true));
        int width = dense.shape().width();
        for (int j = 0; j <= data.dimension(); j++) {
            for (int k = 0; k < width; k++) {
                double a = dense.parameter(j, k);
                assertEquals(a, sparse.parameter(j, k), 1e-5 * Math.max(1, Math.abs(a)), "parameter " + j + ", " + k);
            }
        }
        for (int j = 0; j < data.dimension(); j++) {
            assertEquals(dense.featureScale()[j], sparse.featureScale()[j], 1e-12 * dense.featureScale()[j]);
        }
        LinearModel a = algorithm.finalize(dense);
        LinearModel b = algorithm.finalize(sparse);
        assertEquals(a.selectedModel(), b.selectedModel());
        LinearEvaluator ea = algorithm.evaluator(a);
        LinearEvaluator eb = algorithm.evaluator(b);
        for (Batch batch : data.batches(250, false)) ea.add(batch);
        for (Batch batch : data.batches(250, true)) eb.add(batch);
        Metrics ma = ea.result();
        Metrics mb = eb.result();
        assertFalse(ma.values().isEmpty(), "the evaluator reports metrics");
        assertEquals(ma.values().keySet(), mb.values().keySet());
        for (String name : ma.values().keySet()) assertEquals(ma.get(name), mb.get(name), 1e-4, name);
    }

    @Test
    void sparseEqualsDenseForEveryPredictorType() {
        assertSameTraining(learner("predictor_type", "regressor", "mini_batch_size", 100, "epochs", 3,
                "num_models", 6), LinearTesting.sparsify(
                LinearTesting.regression(1200, new double[] {1, 0, -2, 3, 0.5, 1, -1, 2}, 1, 0.1, 101), 0.3, 102));
        assertSameTraining(learner("predictor_type", "binary_classifier", "mini_batch_size", 100, "epochs", 3,
                "num_models", 6, "optimizer", "sgd", "momentum", 0.9, "l1", 1e-3), LinearTesting.sparsify(
                LinearTesting.logistic(1200, new double[] {1, -1, 2, 0, 0.5, 1}, 0.3, 103), 0.4, 104));
        assertSameTraining(learner("predictor_type", "multiclass_classifier", "num_classes", 3, "mini_batch_size",
                100, "epochs", 3, "num_models", 3, "optimizer", "rmsprop"), LinearTesting.sparsify(
                LinearTesting.blobs(1200, 3, 6, 1.5, 105), 0.5, 106));
    }

    @Test
    void nearlyDenseBatchesKeepTheirFewZerosAndAgreeUpToRounding() {
        // About 2 zeros per 1,000 values: dense batches take the full pattern with the zeros stored, sparse ones not.
        assertSameTraining(learner("predictor_type", "binary_classifier", "mini_batch_size", 100, "epochs", 3,
                "num_models", 4), LinearTesting.sparsify(
                LinearTesting.logistic(1200, new double[] {1, -1, 2, 0.3, 0.5, 1, -0.7, 0.2}, 0.3, 107), 0.998, 108));
    }
}
