package io.statewise.algorithms.linalg;

/**
 * Squared Euclidean distances between rows of flat row-major arrays, accumulated in {@code double}.
 *
 * <p>Why a helper: clustering code compares float records with double centers, double points with double centers
 * and float rows with float rows, always as slices of flat arrays (no per-record objects). The loops keep four
 * independent accumulators so that the CPU can overlap the additions (the JIT does not reorder floating-point
 * reductions itself); the summation order is fixed, so results are bit-for-bit reproducible on every JVM.
 */
public final class DistanceOps {

    private DistanceOps() {}

    /**
     * The squared Euclidean distance between {@code a[aOff..aOff+d)} and {@code b[bOff..bOff+d)}.
     *
     * @param a    first row's array. Not modified.
     * @param aOff first row's offset
     * @param b    second row's array. Not modified.
     * @param bOff second row's offset
     * @param d    number of coordinates
     */
    public static double squaredDistance(float[] a, int aOff, double[] b, int bOff, int d) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int t = 0;
        for (; t + 3 < d; t += 4) {
            double e0 = a[aOff + t] - b[bOff + t];
            double e1 = a[aOff + t + 1] - b[bOff + t + 1];
            double e2 = a[aOff + t + 2] - b[bOff + t + 2];
            double e3 = a[aOff + t + 3] - b[bOff + t + 3];
            s0 += e0 * e0;
            s1 += e1 * e1;
            s2 += e2 * e2;
            s3 += e3 * e3;
        }
        for (; t < d; t++) {
            double e = a[aOff + t] - b[bOff + t];
            s0 += e * e;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The squared Euclidean distance between {@code a[aOff..aOff+d)} and {@code b[bOff..bOff+d)}.
     *
     * @param a    first row's array. Not modified.
     * @param aOff first row's offset
     * @param b    second row's array. Not modified.
     * @param bOff second row's offset
     * @param d    number of coordinates
     */
    public static double squaredDistance(double[] a, int aOff, double[] b, int bOff, int d) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int t = 0;
        for (; t + 3 < d; t += 4) {
            double e0 = a[aOff + t] - b[bOff + t];
            double e1 = a[aOff + t + 1] - b[bOff + t + 1];
            double e2 = a[aOff + t + 2] - b[bOff + t + 2];
            double e3 = a[aOff + t + 3] - b[bOff + t + 3];
            s0 += e0 * e0;
            s1 += e1 * e1;
            s2 += e2 * e2;
            s3 += e3 * e3;
        }
        for (; t < d; t++) {
            double e = a[aOff + t] - b[bOff + t];
            s0 += e * e;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The squared Euclidean distance between {@code a[aOff..aOff+d)} and {@code b[bOff..bOff+d)}.
     *
     * @param a    first row's array. Not modified.
     * @param aOff first row's offset
     * @param b    second row's array. Not modified.
     * @param bOff second row's offset
     * @param d    number of coordinates
     */
    public static double squaredDistance(float[] a, int aOff, float[] b, int bOff, int d) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int t = 0;
        for (; t + 3 < d; t += 4) {
            double e0 = (double) a[aOff + t] - b[bOff + t];
            double e1 = (double) a[aOff + t + 1] - b[bOff + t + 1];
            double e2 = (double) a[aOff + t + 2] - b[bOff + t + 2];
            double e3 = (double) a[aOff + t + 3] - b[bOff + t + 3];
            s0 += e0 * e0;
            s1 += e1 * e1;
            s2 += e2 * e2;
            s3 += e3 * e3;
        }
        for (; t < d; t++) {
            double e = (double) a[aOff + t] - b[bOff + t];
            s0 += e * e;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The index of the row of {@code centers} (the first {@code k} rows of a row-major {@code k x d} array) closest
     * to {@code x[xOff..xOff+d)}, by an exact direct loop; ties go to the lowest index. Meant for small {@code k} or
     * single queries; bulk assignment of many records uses a precomputed index instead.
     *
     * @param x       the query's array. Not modified.
     * @param xOff    the query's offset
     * @param centers row-major centers. Not modified.
     * @param k       number of centers, at least 1
     * @param d       number of coordinates
     */
    public static int nearest(float[] x, int xOff, double[] centers, int k, int d) {
        int best = 0;
        double bestDist = squaredDistance(x, xOff, centers, 0, d);
        for (int j = 1; j < k; j++) {
            double dist = squaredDistance(x, xOff, centers, j * d, d);
            if (dist < bestDist) {
                bestDist = dist;
                best = j;
            }
        }
        return best;
    }
}
