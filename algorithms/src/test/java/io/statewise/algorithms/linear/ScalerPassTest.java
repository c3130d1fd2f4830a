package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Epoch 1: a bounded sample per split, moments merged exactly, then the normalizer and initial weights. */
class ScalerPassTest {

    private static final LinearTesting.Data DATA =
            LinearTesting.regression(3000, new double[] {1, 2, 3}, 1e6, 1, 121);

    @Test
    void aPartialSamplesAnEighthOfNumPointForScalerAndThenWantsNoMore() {
        LinearLearner algorithm = learner("predictor_type", "regressor", "num_point_for_scaler", 1001);
        assertEquals(126, algorithm.config().scalerSampleRecords());
        LinearState p = algorithm.startPartial(algorithm.init(DATA.schema(false)), 1);
        List<Batch> batches = DATA.batches(50, false);
        int fed = 0;
        while (algorithm.wantsMore(p)) algorithm.update(p, batches.get(fed++));
        assertEquals(3, fed);
        assertEquals(126, p.scalerCount(), 0);
        assertEquals(150, p.records());
        assertFalse(algorithm.wantsMore(p));
    }

    @Test
    void momentsMergeExactlyAndMatchATwoPassComputation() {
        LinearLearner algorithm = learner("predictor_type", "regressor", "num_point_for_scaler", 100_000);
        DataSchema schema = DATA.schema(false);
        List<List<Batch>> splits = DATA.splits(5, 70, false);
        LinearState merged = algorithm.init(schema);
        for (List<Batch> split : splits) {
            LinearState p = algorithm.startPartial(merged, 7);
            for (Batch b : split) algorithm.update(p, b);
            merged = algorithm.merge(merged, p);
        }
        assertEquals(3000, merged.scalerCount(), 0);
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            for (float[] x : DATA.x()) mean += x[j];
            mean /= 3000;
            double m2 = 0;
            for (float[] x : DATA.x()) m2 += (x[j] - mean) * (x[j] - mean);
            assertEquals(mean, merged.featureMeans()[j], 1e-12 * Math.max(1, Math.abs(mean)));
            assertEquals(m2, merged.featureSquaredDeviations()[j], 1e-10 * m2);
        }
        // labels around 1e6 with unit noise: a sum of squares would lose the variance, the pairwise update does not
        double mean = 0;
        for (float y : DATA.y()) mean += y;
        mean /= 3000;
        double m2 = 0;
        for (float y : DATA.y()) m2 += (y - mean) * (y - mean);
        assertEquals(m2, merged.labelSquaredDeviations(), 1e-9 * m2);
        LinearState global = algorithm.completeEpoch(algorithm.init(schema), merged);
        assertEquals(LinearState.Kind.MODEL, global.kind());
        assertEquals(Math.sqrt(m2 / 3000), global.labelScale(), 1e-9);
        assertEquals(mean, global.labelShift(), 1e-6);
    }

    @Test
    void applyingScalerPartialsOneByOneEqualsMergingThemFirst() {
        LinearLearner algorithm = learner("predictor_type", "regressor");
        DataSchema schema = DATA.schema(false);
        LinearState empty = algorithm.init(schema);
        List<List<Batch>> splits = DATA.splits(3, 100, false);
        LinearState merged = empty;
        LinearState applied = null;
        for (List<Batch> split : splits) {
            LinearState p = algorithm.startPartial(empty, 1);
            for (Batch b : split) {
                if (algorithm.wantsMore(p)) algorithm.update(p, b);
            }
            merged = algorithm.merge(merged, p);
            applied = applied == null ? algorithm.completeEpoch(empty, p) : algorithm.completeEpoch(applied, p);
        }
        LinearState once = algorithm.completeEpoch(empty, merged);
        assertArrayEquals(once.featureShift(), applied.featureShift(), 1e-9);
        assertArrayEquals(once.featureScale(), applied.featureScale(), 1e-9);
        assertEquals(once.records(), applied.records());
        LinearState trained = algorithm.completeEpoch(once, trainOne(algorithm, once, splits.get(0).get(0)));
        LinearState late = algorithm.startPartial(empty, 2);
        algorithm.update(late, splits.get(0).get(0));
        assertThrows(IllegalArgumentException.class, () -> algorithm.completeEpoch(trained, late));
    }

    private static LinearState trainOne(LinearLearner algorithm, LinearState global, Batch batch) {
        LinearState p = algorithm.startPartial(global, 3);
        algorithm.update(p, batch);
        return p;
    }

    @Test
    void balancedPositiveWeightsComeFromTheSample() {
        LinearTesting.Data data = LinearTesting.logistic(2000, new double[] {1, 1}, -2, 122);
        double positives = 0;
        for (float y : data.y()) positives += y;
        LinearLearner algorithm = learner("predictor_type", "binary_classifier", "positive_example_weight_mult",
                "balanced", "num_point_for_scaler", 100_000);
        LinearState s = new LinearLearnerDriver(algorithm, 1, 1, false).scalerPass(data.schema(false),
                List.of(data.batches(100, false)));
        assertEquals((2000 - positives) / positives, s.positiveWeight, 1e-12);
        assertTrue(s.positiveWeight > 2);
        assertArrayEquals(new double[] {2000 - positives, positives}, s.labelCounts());
    }
}
