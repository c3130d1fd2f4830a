package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.Batch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training partials: contributions, their weighted average, and the parameter-server step. */
class DeltaMergeTest {

    private static final LinearTesting.Data DATA =
            LinearTesting.regression(1500, new double[] {1, -2, 0.5}, 1, 0.2, 51);
    private static final LinearLearner ALGORITHM = learner("predictor_type", "regressor", "mini_batch_size", 50,
            "epochs", 4, "num_models", 4, "optimizer", "adam", "learning_rate", 0.05, "lr_scheduler_step", 7);
    private static final List<Batch> BATCHES = DATA.batches(50, false);

    private static LinearState global() {
        return new LinearLearnerDriver(ALGORITHM, 1, 1, false).scalerPass(DATA.schema(false), List.of(BATCHES));
    }

    private static LinearState trained(LinearState global, int from, int to) {
        LinearState p = ALGORITHM.startPartial(global, 0);
        for (int i = from; i < to; i++) ALGORITHM.update(p, BATCHES.get(i));
        return p;
    }

    private static double[] parameters(LinearState s) {
        int width = s.shape().width();
        double[] out = new double[(s.shape().dimension() + 1) * width];
        for (int j = 0; j <= s.shape().dimension(); j++) {
            for (int k = 0; k < width; k++) out[j * width + k] = s.parameter(j, k);
        }
        return out;
    }

    @Test
    void aPartialContributesItsChangeNotTheBase() {
        LinearState g = global();
        LinearState p = ALGORITHM.startPartial(g, 0);
        assertEquals(0, p.records());
        assertTrue(p.isLive());
        for (double v : parameters(p)) assertEquals(0, v, 0);
        for (int i = 0; i < 3; i++) ALGORITHM.update(p, BATCHES.get(i));
        assertEquals(150, p.records());
        assertEquals(3, p.steps());
        LinearState decoded = ALGORITHM.stateCodec().decode(ALGORITHM.stateCodec().encode(p));
        assertArrayEquals(parameters(p), parameters(decoded));
        assertEquals(LinearState.Kind.DELTA, decoded.kind());
        assertThrows(IllegalStateException.class, () -> ALGORITHM.update(decoded, BATCHES.get(4)));
        assertThrows(IllegalStateException.class, () -> ALGORITHM.update(g, BATCHES.get(4)));
        assertThrows(IllegalStateException.class, () -> ALGORITHM.finalize(p));
        assertThrows(IllegalArgumentException.class, () -> ALGORITHM.merge(g, p));
    }

    @Test
    void mergeIsTheRecordWeightedAverageCommutativeBitForBitAndAssociativeUpToRounding() {
        LinearState g = global();
        LinearState a = trained(g, 0, 2);
        LinearState b = trained(g, 2, 7);
        LinearState c = trained(g, 7, 10);
        LinearState ab = ALGORITHM.merge(a, b);
        double[] pa = parameters(a);
        double[] pb = parameters(b);
        double[] pab = parameters(ab);
        for (int i = 0; i < pab.length; i++) assertEquals((100 * pa[i] + 250 * pb[i]) / 350, pab[i], 1e-15);
        assertEquals(350, ab.records());
        assertEquals(7, ab.steps());
        byte[] xy = ALGORITHM.stateCodec().encode(ab);
        assertArrayEquals(xy, ALGORITHM.stateCodec().encode(ALGORITHM.merge(b, a)));
        double[] left = parameters(ALGORITHM.merge(ab, c));
        double[] right = parameters(ALGORITHM.merge(a, ALGORITHM.merge(b, c)));
        for (int i = 0; i < left.length; i++) assertEquals(left[i], right[i], 1e-12 * Math.max(1, Math.abs(left[i])));
        LinearState empty = ALGORITHM.init(DATA.schema(false));
        assertArrayEquals(ALGORITHM.stateCodec().encode(a), ALGORITHM.stateCodec().encode(ALGORITHM.merge(empty, a)));
    }

    @Test
    void completeEpochAddsTheMergedChange() {
        LinearState g = global();
        LinearState merged = ALGORITHM.merge(trained(g, 0, 3), trained(g, 3, 5));
        LinearState next = ALGORITHM.completeEpoch(g, merged);
        double[] before = parameters(g);
        double[] change = parameters(merged);
        double[] after = parameters(next);
        for (int i = 0; i < after.length; i++) assertEquals((float) (before[i] + change[i]), after[i], 0);
        assertEquals(g.records() + 250, next.records());
        assertEquals(5, next.steps());
        LinearState unchanged = ALGORITHM.completeEpoch(next, ALGORITHM.init(DATA.schema(false)));
        assertArrayEquals(ALGORITHM.stateCodec().encode(next), ALGORITHM.stateCodec().encode(unchanged));
    }

    /**
     * One worker reproduces plain mini-batch training bit for bit, whether it synchronizes after every batch, every
     * three, or only at the end of the split: parameters, optimizer state and step count, hence the model.
     */
    @Test
    void oneWorkerReproducesPlainMiniBatchTrainingExactly() {
        LinearState g = global();
        LinearState plain = ALGORITHM.startPartial(g, 0);
        for (int epoch = 0; epoch < 4; epoch++) {
            for (Batch b : BATCHES) ALGORITHM.update(plain, b);
        }
        LinearState reference = ALGORITHM.completeEpoch(g, plain);
        double[] expected = parameters(reference);
        for (int sync : new int[] {1, 3, Integer.MAX_VALUE}) {
            LinearState driven = new LinearLearnerDriver(ALGORITHM, 1, sync, false)
                    .train(DATA.schema(false), List.of(BATCHES));
            assertArrayEquals(expected, parameters(driven), "sync every " + sync);
            assertEquals(reference.steps(), driven.steps());
            LinearModel a = ALGORITHM.finalize(reference);
            LinearModel b = ALGORITHM.finalize(driven);
            assertEquals(a.selectedModel(), b.selectedModel());
            assertArrayEquals(a.weights(), b.weights());
            assertArrayEquals(a.bias(), b.bias());
            // losses are sums of per-batch losses, grouped by synchronization: equal up to rounding
            assertArrayEquals(a.modelLosses(), b.modelLosses(), 1e-12);
        }
    }

    @Test
    void moreWorkersStillConverge() {
        LinearLearner algorithm = learner("predictor_type", "regressor", "mini_batch_size", 50, "epochs", 10,
                "num_models", 4, "optimizer", "sgd", "learning_rate", 0.1);
        for (int workers : new int[] {1, 2, 4}) {
            LinearLearnerDriver driver = new LinearLearnerDriver(algorithm, workers, 3, true);
            LinearModel model = algorithm.finalize(driver.train(DATA.schema(false), DATA.splits(4, 50, false)));
            assertEquals(1, model.weights()[0][0], 0.02, workers + " workers");
            assertEquals(-2, model.weights()[0][1], 0.02, workers + " workers");
        }
    }
}
