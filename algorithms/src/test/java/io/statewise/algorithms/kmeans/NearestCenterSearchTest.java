package io.statewise.algorithms.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statewise.algorithms.linalg.DistanceOps;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearestCenterSearchTest {

    /** Checks every assignment against an exact double loop, allowing only float-rounding near ties. */
    private static void check(int n, int k, int d, double offset, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) x[i] = (float) (offset + random.nextGaussian());
        double[] centers = new double[k * d];
        for (int i = 0; i < centers.length; i++) centers[i] = offset + random.nextGaussian();
        NearestCenterSearch search = new NearestCenterSearch(k + 3, d);
        search.load(centers, k);
        assertEquals(k, search.size());
        int[] out = new int[n + 2];
        search.assign(x, 1, n - 1, out, 2);
        for (int i = 1; i < n; i++) {
            int exact = DistanceOps.nearest(x, i * d, centers, k, d);
            int found = out[i + 1];
            double de = DistanceOps.squaredDistance(x, i * d, centers, exact * d, d);
            double df = DistanceOps.squaredDistance(x, i * d, centers, found * d, d);
            assertEquals(de, df, 1e-4 * (1 + de), "record " + i + ": " + found + " instead of " + exact);
        }
    }

    @Test
    void matchesAnExactLoopForManyShapes() {
        check(300, 1, 3, 0, 1);
        check(300, 7, 1, 0, 2);
        check(1000, 37, 13, 0, 3);
        check(130, 100, 50, 0, 4);
        check(20, 5, 3000, 0, 5); // wide records: smaller blocks
    }

    @Test
    void staysAccurateFarFromTheOrigin() {
        check(500, 9, 6, 1e4, 6);
    }

    @Test
    void rejectsMoreCentersThanItsCapacity() {
        NearestCenterSearch search = new NearestCenterSearch(2, 3);
        assertThrows(IllegalArgumentException.class, () -> search.load(new double[9], 3));
        assertThrows(IllegalArgumentException.class, () -> search.load(new double[9], 0));
    }
}
