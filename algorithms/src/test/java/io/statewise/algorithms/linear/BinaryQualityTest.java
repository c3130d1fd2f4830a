package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Binary classification on synthetic logistic data is as good as the maximum-likelihood logistic regression that
 * scikit-learn would fit, computed here by Newton's method with EJML.
 */
class BinaryQualityTest {

    private static final double[] TRUE_WEIGHTS = {2.0, -1.5, 0.8, 0.0, 1.2};

    /** Maximum-likelihood logistic regression (last: bias) by Newton's method (iteratively reweighted LS). */
    static double[] newtonLogistic(LinearTesting.Data data) {
        int n = data.size();
        int p = data.dimension() + 1;
        double[] beta = new double[p];
        for (int iteration = 0; iteration < 25; iteration++) {
            DMatrixRMaj hessian = new DMatrixRMaj(p, p);
            DMatrixRMaj gradient = new DMatrixRMaj(p, 1);
            double[] row = new double[p];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p - 1; j++) row[j] = data.x()[i][j];
                row[p - 1] = 1;
                double z = 0;
                for (int j = 0; j < p; j++) z += beta[j] * row[j];
                double prob = Loss.sigmoid(z);
                double w = prob * (1 - prob);
                for (int a = 0; a < p; a++) {
                    gradient.add(a, 0, (prob - data.y()[i]) * row[a]);
                    for (int b = 0; b < p; b++) hessian.add(a, b, w * row[a] * row[b]);
                }
            }
            DMatrixRMaj step = new DMatrixRMaj(p, 1);
            if (!CommonOps_DDRM.solve(hessian, gradient, step)) throw new IllegalStateException("singular Hessian");
            for (int j = 0; j < p; j++) beta[j] -= step.get(j, 0);
        }
        return beta;
    }

    private static double[] metricsOf(LinearTesting.Data data, double[] beta) {
        int d = data.dimension();
        double correct = 0;
        double logLoss = 0;
        for (int i = 0; i < data.size(); i++) {
            double z = beta[d];
            for (int j = 0; j < d; j++) z += beta[j] * data.x()[i][j];
            boolean positive = data.y()[i] == 1;
            if ((z >= 0) == positive) correct++;
            logLoss += positive ? Loss.softplus(-z) : Loss.softplus(z);
        }
        return new double[] {correct / data.size(), logLoss / data.size()};
    }

    private static Metrics train(LinearTesting.Data data, String criterion) {
        LinearLearner algorithm = learner("predictor_type", "binary_classifier", "mini_batch_size", 100, "epochs", 12,
                "binary_classifier_model_selection_criteria", criterion, "lr_scheduler_step", 50,
                "lr_scheduler_factor", 0.8);
        LinearState state = new LinearLearnerDriver(algorithm, 3, 5, true)
                .train(data.schema(false), data.splits(4, 100, false));
        LinearModel model = algorithm.finalize(state);
        LinearEvaluator evaluator = algorithm.evaluator(model);
        for (Batch b : data.batches(1000, false)) evaluator.add(b);
        return evaluator.result();
    }

    @Test
    void accuracyAndLogLossMatchMaximumLikelihood() {
        LinearTesting.Data data = LinearTesting.logistic(4000, TRUE_WEIGHTS, -0.3, 21);
        double[] reference = metricsOf(data, newtonLogistic(data));
        Metrics byAccuracy = train(data, "accuracy");
        assertTrue(byAccuracy.get("accuracy") >= reference[0] - 0.01,
                byAccuracy.get("accuracy") + " vs maximum likelihood " + reference[0]);
        assertTrue(byAccuracy.get("auc") > 0.85, byAccuracy.toString());
        Metrics byLoss = train(data, "loss_function");
        assertTrue(byLoss.get("log_loss") <= reference[1] * 1.01,
                byLoss.get("log_loss") + " vs maximum likelihood " + reference[1]);
        assertTrue(byLoss.get("accuracy") >= reference[0] - 0.01);
        double f1 = 2 * byLoss.get("precision") * byLoss.get("recall")
                / (byLoss.get("precision") + byLoss.get("recall"));
        assertEquals(f1, byLoss.get("f1"), 1e-12);
    }
}
