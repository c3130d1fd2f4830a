package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The normalizer is folded into the model: raw features in, the same predictions as normalized features give. */
class NormalizationTest {

    /** The selected packed model's output on normalized features, computed from the state. */
    private static double normalizedOutput(LinearState s, LinearModel model, int output, float[] x) {
        int d = s.shape().dimension();
        int k = model.selectedModel() * model.outputs() + output;
        double[] shift = s.featureShift();
        double[] scale = s.featureScale();
        double z = s.parameter(d, k);
        for (int j = 0; j < d; j++) z += s.parameter(j, k) * (x[j] - shift[j]) / scale[j];
        return z;
    }

    @Test
    void regressionPredictionsOnRawFeaturesEqualThoseOnNormalizedOnes() {
        LinearTesting.Data data = LinearTesting.regression(2000, new double[] {4, -1, 0.25, 2}, 30, 1.0, 71);
        LinearLearner algorithm = learner("predictor_type", "regressor", "mini_batch_size", 100, "epochs", 3);
        LinearState s = LinearLearnerDriver.of(algorithm).train(data.schema(false), List.of(data.batches(100, false)));
        double[] scale = s.featureScale();
        for (int j = 0; j < scale.length; j++) assertEquals(0.5 + j, scale[j], 0.1 + 0.05 * j);
        assertTrue(s.labelScale() > 1 && Math.abs(s.labelShift() - 30) > 1);
        LinearModel model = algorithm.finalize(s);
        for (int i = 0; i < 50; i++) {
            float[] x = data.x()[i];
            double expected = s.labelScale() * normalizedOutput(s, model, 0, x) + s.labelShift();
            double actual = ((Regression) model.predict(x)).value();
            assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)));
        }
    }

    @Test
    void classifierOutputsOnRawFeaturesEqualThoseOnNormalizedOnes() {
        LinearTesting.Data data = LinearTesting.blobs(1500, 3, 4, 2.0, 72);
        LinearLearner algorithm = learner("predictor_type", "multiclass_classifier", "num_classes", 3,
                "mini_batch_size", 100, "epochs", 2, "num_models", 4);
        LinearState s = LinearLearnerDriver.of(algorithm).train(data.schema(false), List.of(data.batches(100, false)));
        LinearModel model = algorithm.finalize(s);
        for (int i = 0; i < 50; i++) {
            for (int c = 0; c < 3; c++) {
                double expected = normalizedOutput(s, model, c, data.x()[i]);
                assertEquals(expected, model.output(c, data.x()[i]), 1e-5 * Math.max(1, Math.abs(expected)));
            }
        }
    }

    /**
     * A constant feature (zero variance) keeps scale 1 and weight 0: it neither breaks training (no division by 0)
     * nor moves predictions when a test record has another value there.
     */
    @Test
    void aZeroVarianceFeatureIsLeftUnscaledAndUnused() {
        LinearTesting.Data base = LinearTesting.regression(1500, new double[] {2, -1}, 1, 0.1, 73);
        float[][] x = new float[base.size()][];
        for (int i = 0; i < x.length; i++) x[i] = new float[] {base.x()[i][0], 7.3f, base.x()[i][1]};
        LinearTesting.Data data = new LinearTesting.Data(x, base.y());
        LinearLearner algorithm = learner("predictor_type", "regressor", "mini_batch_size", 100, "epochs", 8,
                "optimizer", "sgd", "learning_rate", 0.1);
        LinearState s = LinearLearnerDriver.of(algorithm).train(data.schema(false), List.of(data.batches(100, false)));
        assertEquals(1, s.featureScale()[1], 0);
        assertEquals(7.3f, s.featureShift()[1], 1e-6);
        LinearModel model = algorithm.finalize(s);
        float[][] w = model.weights();
        assertEquals(0, w[0][1], 1e-6);
        assertEquals(2, w[0][0], 0.02);
        assertEquals(-1, w[0][2], 0.02);
        float[] probe = {1, 7.3f, 2};
        float[] shifted = {1, -100, 2};
        assertEquals(((Regression) model.predict(probe)).value(), ((Regression) model.predict(shifted)).value(), 1e-3);
    }
}
