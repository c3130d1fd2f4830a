package io.statewise.algorithms.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeightedLloydTest {

    /** Three groups on a line: {0, 1} weight 1 each, {10} weight 4, {20, 21} weight 2 and 2. */
    private static final double[] POINTS = {0, 1, 10, 20, 21};
    private static final double[] WEIGHTS = {1, 1, 4, 2, 2};

    @Test
    void emptyClustersAreReseededAndMomentsPreserved() {
        double[] centers = {10, 10, 10};
        double[] groupWeights = new double[3];
        double ssd = WeightedLloyd.run(POINTS, new PointColumns(POINTS, 5, 1), WEIGHTS, 5, 1, centers, 3, 50, 0,
                groupWeights);
        java.util.Arrays.sort(centers);
        assertArrayEquals(new double[] {0.5, 10, 20.5}, centers, 1e-12);
        assertEquals(0.25 * 2 + 0.25 * 4, ssd, 1e-12);
        double total = 0;
        for (double w : groupWeights) {
            assertTrue(w > 0);
            total += w;
        }
        assertEquals(10, total, 1e-12);
    }

    @Test
    void weightedSeedingPicksEveryGroupWithKEqualToPoints() {
        WeightedClustering.Result r = WeightedClustering.best(POINTS, WEIGHTS, 5, 1, 5, 3,
                KMeansConfig.InitMethod.KMEANS_PLUS_PLUS, 10, 1e-4, 1);
        assertEquals(0, r.ssd());
        assertArrayEquals(WEIGHTS, r.groupWeights());
    }

    @Test
    void bestOfTrialsFindsTheOptimumAndIsDeterministic() {
        for (KMeansConfig.InitMethod init : KMeansConfig.InitMethod.values()) {
            WeightedClustering.Result a = WeightedClustering.best(POINTS, WEIGHTS, 5, 1, 3, 10, init, 50, 1e-4, 7);
            WeightedClustering.Result b = WeightedClustering.best(POINTS, WEIGHTS, 5, 1, 3, 10, init, 50, 1e-4, 7);
            assertEquals(1.5, a.ssd(), 1e-12);
            assertArrayEquals(a.centers(), b.centers());
        }
    }

    @Test
    void weightsActLikeRepeatedPoints() {
        // a point of weight 4 pulls a shared center like four copies of it would
        double[] centers = {0};
        double[] points = {0, 10};
        WeightedLloyd.run(points, new PointColumns(points, 2, 1), new double[] {1, 4}, 2, 1, centers, 1, 5, 0, null);
        assertEquals(8, centers[0], 1e-12);
    }

    @Test
    void seedingChoosesTheSameCentersWhetherOrNotItKeepsDistanceRows() {
        java.util.Random random = new java.util.Random(3);
        int n = 300;
        int d = 7;
        double[] points = new double[n * d];
        double[] weights = new double[n];
        for (int i = 0; i < points.length; i++) points[i] = random.nextGaussian() * (1 + i % 5);
        for (int i = 0; i < n; i++) weights[i] = 1 + random.nextInt(9);
        double[] kept = new double[40 * d];
        double[] recomputed = new double[40 * d];
        double[] partlyKept = new double[40 * d];
        WeightedKMeansPlusPlus.seed(new PointDistances(points, n, d), weights, 40, 5, new SplitMix64(11),
                kept);
        WeightedKMeansPlusPlus.seed(new PointDistances(points, n, d, 0), weights, 40, 5,
                new SplitMix64(11), recomputed);
        WeightedKMeansPlusPlus.seed(new PointDistances(points, n, d, 10L * n), weights, 40, 5,
                new SplitMix64(11), partlyKept);
        assertArrayEquals(kept, recomputed);
        assertArrayEquals(kept, partlyKept);
    }
}
