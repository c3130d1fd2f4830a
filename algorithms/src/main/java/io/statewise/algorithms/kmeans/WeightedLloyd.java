package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.linalg.DistanceOps;
import java.util.Arrays;

/**
 * Lloyd's algorithm on weighted points ("Least squares quantization in PCM", 1982): alternately assign every point
 * to its nearest center and move every center to the weighted mean of its points. Finalize runs it on the state's
 * weighted centers (SageMaker's "local Lloyd"), merge runs it to reduce a union of centers back to {@code K}.
 *
 * <p>A cluster left empty is reseeded with the point farthest from its center (taken from a cluster that keeps
 * other points), as in scikit-learn, so that no center is wasted.
 */
final class WeightedLloyd {

    private WeightedLloyd() {}

    /**
     * Runs Lloyd from the given centers until the weighted SSD improves by at most {@code tol} (relative) or
     * {@code maxIter} updates were made.
     *
     * <p>On return each center is the weighted mean of a group of points (or a point), and {@code groupWeights[j]}
     * is that group's total weight: weights and first moment of the points are preserved exactly, which merge
     * relies on.
     *
     * @param points       row-major {@code n x d}. Not modified.
     * @param weights      {@code n} positive weights. Not modified.
     * @param n            number of points, at least 1
     * @param d            dimension
     * @param centers      row-major {@code k x d} initial centers. Modified: the final centers.
     * @param k            number of centers, at least 1
     * @param maxIter      most center updates, at least 1
     * @param tol          relative improvement of the weighted SSD below which it stops, at least 0
     * @param groupWeights {@code k} values, or null. Modified: the weight of each final center's group.
     * @return the weighted SSD of the points to their nearest final center
     */
    static double run(double[] points, double[] weights, int n, int d, double[] centers, int k, int maxIter,
                      double tol, double[] groupWeights) {
        int[] assignment = new int[n];
        double[] dist = new double[n];
        double[] sums = new double[k * d];
        double[] groupW = new double[k];
        int[] counts = new int[k];
        double ssd = assign(points, weights, n, d, centers, k, assignment, dist);
        for (int iter = 0; iter < maxIter; iter++) {
            update(points, weights, n, d, centers, k, assignment, dist, sums, groupW, counts);
            double next = assign(points, weights, n, d, centers, k, assignment, dist);
            boolean converged = ssd - next <= tol * ssd;
            ssd = next;
            if (converged) break;
        }
        if (groupWeights != null) System.arraycopy(groupW, 0, groupWeights, 0, k);
        return ssd;
    }

    /** Assigns each point to its nearest center; returns the weighted SSD. */
    static double assign(double[] points, double[] weights, int n, int d, double[] centers, int k,
                         int[] assignment, double[] dist) {
        double ssd = 0;
        for (int i = 0; i < n; i++) {
            int off = i * d;
            int best = 0;
            double bestDist = DistanceOps.squaredDistance(points, off, centers, 0, d);
            for (int j = 1; j < k; j++) {
                double dj = DistanceOps.squaredDistance(points, off, centers, j * d, d);
                if (dj < bestDist) {
                    bestDist = dj;
                    best = j;
                }
            }
            assignment[i] = best;
            dist[i] = bestDist;
            ssd += weights[i] * bestDist;
        }
        return ssd;
    }

    private static void update(double[] points, double[] weights, int n, int d, double[] centers, int k,
                               int[] assignment, double[] dist, double[] sums, double[] groupW, int[] counts) {
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) counts[assignment[i]]++;
        for (int j = 0; j < k; j++) {
            if (counts[j] == 0) reseed(j, n, assignment, dist, counts);
        }
        Arrays.fill(sums, 0.0);
        Arrays.fill(groupW, 0.0);
        for (int i = 0; i < n; i++) {
            int j = assignment[i];
            double w = weights[i];
            groupW[j] += w;
            int off = i * d;
            int base = j * d;
            for (int t = 0; t < d; t++) sums[base + t] += w * points[off + t];
        }
        for (int j = 0; j < k; j++) {
            if (counts[j] == 0) continue;
            double inv = 1.0 / groupW[j];
            int base = j * d;
            for (int t = 0; t < d; t++) centers[base + t] = sums[base + t] * inv;
        }
    }

    /** Moves the point farthest from its center, among clusters of 2 or more points, into empty cluster {@code j}. */
    private static void reseed(int j, int n, int[] assignment, double[] dist, int[] counts) {
        int far = -1;
        double farDist = 0;
        for (int i = 0; i < n; i++) {
            if (dist[i] > farDist && counts[assignment[i]] > 1) {
                farDist = dist[i];
                far = i;
            }
        }
        if (far < 0) return; // every point sits on its center: nothing to gain
        counts[assignment[far]]--;
        assignment[far] = j;
        counts[j] = 1;
        dist[far] = 0;
    }
}
