package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Model packing: independent models over one read of the data, model 0 exactly the given hyperparameters. */
class PackingTest {

    @Test
    void modelZeroIsTheGivenSettingAndTheOthersSpreadAroundIt() {
        LinearLearner algorithm = learner("predictor_type", "regressor", "learning_rate", 0.02, "wd", 0.001);
        PackedSetting[] s = algorithm.settings();
        assertEquals(32, s.length);
        assertEquals(new PackedSetting(0.02, 0.001, 0), s[0]);
        Set<Double> rates = new HashSet<>();
        int withL1 = 0;
        for (PackedSetting p : s) {
            assertTrue(p.learningRate() >= 0.002 && p.learningRate() < 0.2, p.toString());
            assertTrue(p.wd() >= 0.0001 && p.wd() < 0.01, p.toString());
            rates.add(p.learningRate());
            if (p.l1() > 0) withL1++;
        }
        assertEquals(32, rates.size());
        assertTrue(withL1 > 3 && withL1 < 12, "models with L1: " + withL1);
        assertArrayEquals(s, learner("predictor_type", "regressor", "learning_rate", 0.02, "wd", 0.001).settings());
        PackedSetting[] unregularized = learner("predictor_type", "regressor").settings();
        assertEquals(new PackedSetting(0.01, 0, 0), unregularized[0]);
        long zeroWd = Arrays.stream(unregularized).filter(p -> p.wd() == 0).count();
        assertTrue(zeroWd >= 14 && zeroWd <= 18, "models without wd: " + zeroWd);
    }

    /**
     * Each packed model lives in its own columns: model 0 of a pack of 32 trains bit for bit like a lone model with
     * the same hyperparameters, for every optimizer, dense and sparse.
     */
    @Test
    void packedModelsTrainIndependently() {
        LinearTesting.Data data = LinearTesting.sparsify(
                LinearTesting.logistic(1200, new double[] {1, -1, 2, 0.5, -0.3, 0.8}, 0.2, 41), 0.5, 42);
        for (String optimizer : new String[] {"sgd", "adam", "rmsprop"}) {
            for (boolean sparse : new boolean[] {false, true}) {
                Object[] common = {"predictor_type", "binary_classifier", "optimizer", optimizer, "momentum", 0.5,
                        "mini_batch_size", 100, "epochs", 3, "l1", 1e-4, "wd", 1e-3};
                LinearLearner packed = learner(with(common, "num_models", 32));
                LinearLearner alone = learner(with(common, "num_models", 1));
                LinearState a = LinearLearnerDriver.of(packed).train(data.schema(sparse), data.splits(2, 100, sparse));
                LinearState b = LinearLearnerDriver.of(alone).train(data.schema(sparse), data.splits(2, 100, sparse));
                for (int j = 0; j <= data.dimension(); j++) {
                    assertEquals(b.parameter(j, 0), a.parameter(j, 0), 0, optimizer + " parameter " + j);
                }
                assertEquals(b.lastEpochLoss(0), a.lastEpochLoss(0), 0);
                assertNotEquals(a.parameter(0, 0), a.parameter(0, 1));
            }
        }
    }

    private static Object[] with(Object[] base, Object... more) {
        Object[] out = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }
}
