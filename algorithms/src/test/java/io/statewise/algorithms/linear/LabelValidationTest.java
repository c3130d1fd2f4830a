package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.DenseBatch;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels the predictor type cannot learn from fail clearly, in every phase. */
class LabelValidationTest {

    private static DenseBatch batch(float... labels) {
        DenseBatch b = new DenseBatch(labels.length, 2);
        for (float y : labels) {
            b.features()[b.offset(b.size())] = b.size();
            b.features()[b.offset(b.size()) + 1] = 1 - b.size();
            b.labels()[b.size()] = y;
            b.commitRecord();
        }
        return b;
    }

    private static String failure(LinearLearner algorithm, LinearState state, Batch batch) {
        return assertThrows(IllegalArgumentException.class, () -> algorithm.update(state, batch)).getMessage();
    }

    @Test
    void binaryLabelsMustBeZeroOrOne() {
        LinearLearner algorithm = learner("predictor_type", "binary_classifier");
        LinearState scaling = algorithm.startPartial(algorithm.init(new DataSchema(2,
                true)), 1);
        String message = failure(algorithm, scaling, batch(0, 1, 2, 1));
        assertTrue(message.contains("2.0") && message.contains("record 2")
                && message.contains("predictor_type=binary_classifier expects 0 or 1"), message);
        assertEquals(0, scaling.records());
        algorithm.update(scaling, batch(0, 1, 1, 0));
        LinearState training = algorithm.startPartial(algorithm.completeEpoch(algorithm.init(
                new DataSchema(2, true)), scaling), 2);
        message = failure(algorithm, training, batch(1, -1));
        assertTrue(message.contains("-1.0") && message.contains("expects 0 or 1"), message);
        message = failure(algorithm, training, batch(Float.NaN));
        assertTrue(message.contains("NaN"), message);
    }

    @Test
    void multiclassLabelsMustBeClassIds() {
        LinearLearner algorithm = learner("predictor_type", "multiclass_classifier", "num_classes", 3);
        LinearState s = algorithm.startPartial(algorithm.init(new DataSchema(2, true)),
                1);
        String message = failure(algorithm, s, batch(0, 3));
        assertTrue(message.contains("3.0") && message.contains("num_classes=3") && message.contains("0..2"), message);
        assertTrue(failure(algorithm, s, batch(1.5f)).contains("1.5"));
    }

    @Test
    void regressionLabelsMustBeFiniteAndFeaturesToo() {
        LinearLearner algorithm = learner("predictor_type", "regressor");
        LinearState s = algorithm.startPartial(algorithm.init(new DataSchema(2, true)),
                1);
        assertTrue(failure(algorithm, s, batch(1, Float.POSITIVE_INFINITY)).contains("finite labels"));
        DenseBatch b = batch(1, 2);
        b.features()[3] = Float.NaN;
        String message = failure(algorithm, s, b);
        assertTrue(message.contains("feature 1 of record 1"), message);
    }

    @Test
    void allOneClassFailsAtFinalizeWithAClearReason() {
        LinearTesting.Data positives = new LinearTesting.Data(LinearTesting.logistic(300, new double[] {1, 1}, 0, 81)
                .x(), filled(300, 1));
        LinearLearner algorithm = learner("predictor_type", "binary_classifier", "mini_batch_size", 100, "epochs", 1);
        LinearState s = LinearLearnerDriver.of(algorithm).train(positives.schema(false),
                List.of(positives.batches(100, false)));
        String message = assertThrows(IllegalArgumentException.class, () -> algorithm.finalize(s)).getMessage();
        assertTrue(message.contains("all 600 labels seen in training are 1")
                && message.contains("needs records of both classes 0 and 1"), message);

        LinearLearner multi = learner("predictor_type", "multiclass_classifier", "num_classes", 4, "epochs", 1);
        LinearTesting.Data twos = new LinearTesting.Data(positives.x(), filled(300, 2));
        LinearState m = LinearLearnerDriver.of(multi).train(twos.schema(false), List.of(twos.batches(100, false)));
        message = assertThrows(IllegalArgumentException.class, () -> multi.finalize(m)).getMessage();
        assertTrue(message.contains("are 2") && message.contains("at least two classes"), message);
    }

    private static float[] filled(int n, float value) {
        float[] y = new float[n];
        Arrays.fill(y, value);
        return y;
    }
}
