package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Regression recovers known weights as well as ordinary least squares does. */
class RegressionQualityTest {

    private static final double[] TRUE_WEIGHTS = {1.5, -2, 0.5, 3, -1};
    private static final double TRUE_BIAS = 2;

    /** Least-squares weights (last: bias) by EJML's QR solver. */
    static double[] ordinaryLeastSquares(LinearTesting.Data data) {
        int n = data.size();
        int d = data.dimension();
        DMatrixRMaj x = new DMatrixRMaj(n, d + 1);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) x.set(i, j, data.x()[i][j]);
            x.set(i, d, 1);
            y.set(i, 0, data.y()[i]);
        }
        DMatrixRMaj beta = new DMatrixRMaj(d + 1, 1);
        if (!CommonOps_DDRM.solve(x, y, beta)) throw new IllegalStateException("singular design");
        return beta.data;
    }

    static double rmse(LinearTesting.Data data, double[] w) {
        int d = data.dimension();
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            double p = w[d];
            for (int j = 0; j < d; j++) p += w[j] * data.x()[i][j];
            double e = p - data.y()[i];
            sum += e * e;
        }
        return Math.sqrt(sum / data.size());
    }

    @Test
    void packedSgdMatchesLeastSquaresToOnePartInAThousand() {
        LinearTesting.Data data = LinearTesting.regression(4000, TRUE_WEIGHTS, TRUE_BIAS, 0.5, 11);
        LinearLearner algorithm = learner("predictor_type", "regressor", "mini_batch_size", 100, "epochs", 20,
                "optimizer", "sgd", "learning_rate", 0.1, "lr_scheduler_step", 40, "lr_scheduler_factor", 0.7,
                "lr_scheduler_minimum_lr", 1e-5);
        LinearState state = new LinearLearnerDriver(algorithm, 2, 10, true)
                .train(data.schema(false), data.splits(3, 100, false));
        LinearModel model = algorithm.finalize(state);
        double[] learned = new double[TRUE_WEIGHTS.length + 1];
        for (int j = 0; j < TRUE_WEIGHTS.length; j++) learned[j] = model.weights()[0][j];
        learned[TRUE_WEIGHTS.length] = model.bias()[0];
        double[] ols = ordinaryLeastSquares(data);
        double optimal = rmse(data, ols);
        double achieved = rmse(data, learned);
        assertTrue((achieved - optimal) / optimal < 1e-3, "rmse " + achieved + " vs least squares " + optimal);
        for (int j = 0; j < TRUE_WEIGHTS.length; j++) assertEquals(TRUE_WEIGHTS[j], learned[j], 0.05);
        assertEquals(TRUE_BIAS, learned[TRUE_WEIGHTS.length], 0.1);

        LinearEvaluator evaluator = algorithm.evaluator(model);
        for (Batch b : data.batches(500, false)) evaluator.add(b);
        Metrics m = evaluator.result();
        assertEquals(achieved, m.get("rmse"), 1e-4);
        assertEquals(achieved * achieved, m.get("mse"), 1e-4);
        assertTrue(m.get("r2") > 0.98, m.toString());
        assertTrue(m.get("mae") < achieved);
    }
}
