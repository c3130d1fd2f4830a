package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statewise.algorithms.data.Batch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packed step's gradient, computed on raw (sparse or dense) features with the normalizer folded in, equals a
 * finite-difference gradient of each packed model's objective (mean loss on normalized features plus wd/2 |w|^2).
 */
class PackedGradientTest {

    private static final double LR = 1e-2;

    /** Model {@code m}'s objective on {@code batch} with parameters {@code w} (one column block per output). */
    private static double objective(LinearLearner algorithm, LinearState global, LinearTesting.Data data, int m,
                                    double[][] w) {
        LinearConfig cfg = algorithm.config();
        int d = data.dimension();
        int outputs = cfg.outputs();
        double[] shift = global.featureShift();
        double[] scale = global.featureScale();
        double total = 0;
        double[] z = new double[outputs];
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c < outputs; c++) {
                double s = w[c][d];
                for (int j = 0; j < d; j++) s += w[c][j] * (data.x()[i][j] - shift[j]) / scale[j];
                z[c] = s;
            }
            double y = data.y()[i];
            if (cfg.predictorType() == PredictorType.MULTICLASS_CLASSIFIER) {
                total += Loss.softmax(z, 0, outputs, (int) y, new double[outputs]);
            } else {
                if (cfg.predictorType() == PredictorType.REGRESSOR) {
                    y = (y - global.labelShift()) / global.labelScale();
                }
                total += cfg.loss().evaluate(z[0], y, new double[1], 0);
            }
        }
        double reg = 0;
        for (int c = 0; c < outputs; c++) {
            for (int j = 0; j < d; j++) reg += w[c][j] * w[c][j];
        }
        return total / data.size() + 0.5 * algorithm.settings()[m].wd() * reg;
    }

    private static void checkGradient(LinearLearner algorithm, LinearTesting.Data data, boolean sparse) {
        List<List<Batch>> splits = List.of(data.batches(data.size(), sparse));
        LinearState global = new LinearLearnerDriver(algorithm, 1, 1, false).scalerPass(data.schema(sparse), splits);
        LinearState partial = algorithm.startPartial(global, 1);
        algorithm.update(partial, splits.get(0).get(0));
        int d = data.dimension();
        int outputs = algorithm.config().outputs();
        for (int m = 0; m < algorithm.config().numModels(); m++) {
            double[][] w = new double[outputs][d + 1];
            for (int c = 0; c < outputs; c++) {
                for (int j = 0; j <= d; j++) w[c][j] = global.parameter(j, m * outputs + c);
            }
            double lr = algorithm.settings()[m].learningRate();
            for (int c = 0; c < outputs; c++) {
                for (int j = 0; j <= d; j++) {
                    double h = 1e-5;
                    double saved = w[c][j];
                    w[c][j] = saved + h;
                    double up = objective(algorithm, global, data, m, w);
                    w[c][j] = saved - h;
                    double down = objective(algorithm, global, data, m, w);
                    w[c][j] = saved;
                    double numeric = (up - down) / (2 * h);
                    double stepped = -partial.parameter(j, m * outputs + c) / lr;
                    assertEquals(numeric, stepped, 2e-4 * Math.max(1, Math.abs(numeric)),
                            "model " + m + " output " + c + " parameter " + j + (sparse ? " sparse" : " dense"));
                }
            }
        }
    }

    private static Object[] sgd(Object... more) {
        Object[] base = {"optimizer", "sgd", "learning_rate", LR, "use_lr_scheduler", false, "num_models", 3,
                "init_method", "normal", "init_sigma", 0.5, "init_bias", 0.3, "mini_batch_size", 400};
        Object[] out = new Object[base.length + more.length];
        System.arraycopy(base, 0, out, 0, base.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    @Test
    void squaredLossOnNormalizedLabels() {
        LinearTesting.Data data = LinearTesting.sparsify(
                LinearTesting.regression(400, new double[] {1, -2, 0.5, 2}, 1, 0.3, 3), 0.6, 4);
        for (boolean sparse : new boolean[] {false, true}) {
            checkGradient(learner(sgd("predictor_type", "regressor", "wd", 0.05)), data, sparse);
        }
    }

    @Test
    void robustRegressionLosses() {
        LinearTesting.Data data = LinearTesting.regression(400, new double[] {1, -2, 0.5}, 1, 0.3, 5);
        for (String loss : new String[] {"huber_loss", "quantile_loss", "eps_insensitive_squared_loss"}) {
            checkGradient(learner(sgd("predictor_type", "regressor", "loss", loss, "huber_delta", 0.5)), data, false);
        }
    }

    @Test
    void logisticAndHingeLosses() {
        LinearTesting.Data data = LinearTesting.sparsify(
                LinearTesting.logistic(400, new double[] {2, -1, 0.5, 1}, 0.3, 6), 0.5, 7);
        for (String loss : new String[] {"logistic", "hinge_loss"}) {
            for (boolean sparse : new boolean[] {false, true}) {
                checkGradient(learner(sgd("predictor_type", "binary_classifier", "loss", loss, "wd", 0.01)), data,
                        sparse);
            }
        }
    }

    @Test
    void softmaxLoss() {
        LinearTesting.Data data = LinearTesting.sparsify(LinearTesting.blobs(400, 4, 3, 2.0, 8), 0.7, 9);
        for (boolean sparse : new boolean[] {false, true}) {
            checkGradient(learner(sgd("predictor_type", "multiclass_classifier", "num_classes", 4)), data, sparse);
        }
    }
}
