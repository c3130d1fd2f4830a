package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.linalg.DistanceOps;
import java.util.Arrays;

/**
 * Full-batch k-means, the reference streaming k-means is measured against: k-means++ seeding (Arthur and
 * Vassilvitskii, SODA 2007) then Lloyd iterations over all records in memory, best of several runs. Not an elastic
 * algorithm (it needs the whole data set and many passes); for tests and benchmarks.
 */
public final class LloydKMeans {

    private LloydKMeans() {}

    /**
     * A full-batch clustering.
     *
     * @param centers    {@code k x d} centers (owned by the result)
     * @param ssd        sum of squared Euclidean distances of the records to their nearest center
     * @param iterations Lloyd updates made (of the winning run for {@link #bestOf})
     */
    public record Result(float[][] centers, double ssd, int iterations) {}

    /**
     * The best (lowest SSD) of {@code runs} independent runs of {@link #fit}.
     *
     * @param data records, {@code n x d}, {@code n >= k}. Not modified.
     * @param k    clusters, at least 1
     * @param runs independent runs, at least 1
     * @param maxIter most Lloyd updates per run
     * @param tol  relative SSD improvement below which a run stops
     * @param seed randomness; run {@code r} uses a seed derived from it
     */
    public static Result bestOf(float[][] data, int k, int runs, int maxIter, double tol, long seed) {
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        Result best = null;
        SplitMix64 seeds = new SplitMix64(seed);
        for (int r = 0; r < runs; r++) {
            Result result = fit(data, k, maxIter, tol, seeds.nextLong());
            if (best == null || result.ssd() < best.ssd()) best = result;
        }
        return best;
    }

    /**
     * One run: k-means++ seeding, then Lloyd until the SSD improves by at most {@code tol} (relative) or
     * {@code maxIter} updates. A cluster left empty is reseeded with the record farthest from its center.
     *
     * @param data    records, {@code n x d}, {@code n >= k}. Not modified.
     * @param k       clusters, at least 1
     * @param maxIter most Lloyd updates, at least 0
     * @param tol     relative SSD improvement threshold, at least 0
     * @param seed    randomness
     */
    public static Result fit(float[][] data, int k, int maxIter, double tol, long seed) {
        int n = data.length;
        if (k < 1 || n < k) throw new IllegalArgumentException("need 1 <= k <= n, got k = " + k + ", n = " + n);
        int d = data[0].length;
        double[] centers = seed(data, k, new SplitMix64(seed));
        NearestCenterSearch search = new NearestCenterSearch(k, d);
        int[] assignment = new int[n];
        double[] dist = new double[n];
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        double ssd = assign(data, centers, k, search, assignment, dist);
        int iterations = 0;
        while (iterations < maxIter) {
            update(data, centers, k, assignment, dist, sums, counts);
            iterations++;
            double next = assign(data, centers, k, search, assignment, dist);
            boolean converged = ssd - next <= tol * ssd;
            ssd = next;
            if (converged) break;
        }
        float[][] out = new float[k][d];
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < d; t++) out[j][t] = (float) centers[j * d + t];
        }
        return new Result(out, ssd(data, out), iterations);
    }

    /**
     * The sum of squared Euclidean distances of {@code data}'s records to their nearest center: the k-means objective
     * of {@code centers}. The nearest center is found in float (in a near tie it may be one whose distance exceeds the
     * minimum by float rounding, far below any tolerance a comparison of objectives uses); the distance to it is
     * summed exactly in double.
     *
     * @param data    records. Not modified.
     * @param centers centers. Not modified.
     */
    public static double ssd(float[][] data, float[][] centers) {
        int k = centers.length;
        int d = centers[0].length;
        double[] rowMajor = new double[k * d];
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < d; t++) rowMajor[j * d + t] = centers[j][t];
        }
        NearestCenterSearch search = new NearestCenterSearch(k, d);
        search.load(rowMajor, k);
        int[] assignment = new int[data.length];
        search.assign(data, 0, data.length, assignment, 0);
        double total = 0;
        for (int i = 0; i < data.length; i++) {
            total += DistanceOps.squaredDistance(data[i], 0, rowMajor, assignment[i] * d, d);
        }
        return total;
    }

    private static double[] seed(float[][] data, int k, SplitMix64 rng) {
        int n = data.length;
        int d = data[0].length;
        double[] centers = new double[k * d];
        double[] minDist = new double[n];
        copy(data[rng.nextInt(n)], centers, 0);
        for (int i = 0; i < n; i++) minDist[i] = DistanceOps.squaredDistance(data[i], 0, centers, 0, d);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) total += minDist[i];
            int pick = rng.nextInt(n);
            if (total > 0) {
                double u = rng.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    if (minDist[i] > 0) {
                        pick = i;
                        u -= minDist[i];
                        if (u < 0) break;
                    }
                }
            }
            copy(data[pick], centers, c * d);
            for (int i = 0; i < n; i++) {
                minDist[i] = Math.min(minDist[i], DistanceOps.squaredDistance(data[i], 0, centers, c * d, d));
            }
        }
        return centers;
    }

    private static void copy(float[] row, double[] centers, int at) {
        for (int t = 0; t < row.length; t++) centers[at + t] = row[t];
    }

    private static double assign(float[][] data, double[] centers, int k, NearestCenterSearch search,
                                 int[] assignment, double[] dist) {
        int d = data[0].length;
        search.load(centers, k);
        search.assign(data, 0, data.length, assignment, 0);
        double ssd = 0;
        for (int i = 0; i < data.length; i++) {
            dist[i] = DistanceOps.squaredDistance(data[i], 0, centers, assignment[i] * d, d);
            ssd += dist[i];
        }
        return ssd;
    }

    private static void update(float[][] data, double[] centers, int k, int[] assignment, double[] dist,
                               double[] sums, int[] counts) {
        int n = data.length;
        int d = data[0].length;
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) counts[assignment[i]]++;
        for (int j = 0; j < k; j++) {
            if (counts[j] > 0) continue;
            int far = -1;
            double farDist = 0;
            for (int i = 0; i < n; i++) {
                if (dist[i] > farDist && counts[assignment[i]] > 1) {
                    farDist = dist[i];
                    far = i;
                }
            }
            if (far < 0) continue;
            counts[assignment[far]]--;
            assignment[far] = j;
            counts[j] = 1;
            dist[far] = 0;
        }
        Arrays.fill(sums, 0.0);
        for (int i = 0; i < n; i++) {
            float[] x = data[i];
            int base = assignment[i] * d;
            for (int t = 0; t < d; t++) sums[base + t] += x[t];
        }
        for (int j = 0; j < k; j++) {
            if (counts[j] == 0) continue;
            double inv = 1.0 / counts[j];
            for (int t = 0; t < d; t++) centers[j * d + t] = sums[j * d + t] * inv;
        }
    }
}
