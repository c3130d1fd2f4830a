package io.statewise.algorithms.kmeans;

import java.util.Arrays;

/**
 * Lloyd's algorithm on weighted points (Lloyd, "Least squares quantization in PCM", 1982): alternately assign every
 * point to its nearest center and move every center to the weighted mean of its points, followed by Hartigan's
 * single-point moves, which escape many of Lloyd's poor fixed points on few heavy points. Finalize runs it on the
 * state's weighted centers (SageMaker's "local Lloyd"), merge runs it to reduce a union of centers back to {@code K}.
 *
 * <p>A cluster left empty is reseeded with the point farthest from its center (taken from a cluster that keeps
 * other points), as in scikit-learn, so that no center is wasted.
 */
final class WeightedLloyd {

    private WeightedLloyd() {}

    /**
     * Runs Lloyd from the given centers until the weighted SSD improves by at most {@code tol} (relative) or
     * {@code maxIter} updates were made, then refines the partition with Hartigan's moves (at most {@code maxIter}
     * passes; see {@link #hartigan}).
     *
     * <p>On return each center is the weighted mean of a group of points, and {@code groupWeights[j]} is that group's
     * total weight: weights and first moment of the points are preserved exactly, which merge relies on.
     *
     * @param points       row-major {@code n x d}. Not modified.
     * @param columns      the same points column by column
     * @param weights      {@code n} positive weights. Not modified.
     * @param n            number of points, at least 1
     * @param d            dimension
     * @param centers      row-major {@code k x d} initial centers. Modified: the final centers.
     * @param k            number of centers, at least 1
     * @param maxIter      most Lloyd updates and most Hartigan passes, at least 1
     * @param tol          relative improvement of the weighted SSD below which Lloyd stops, at least 0
     * @param groupWeights {@code k} values, or null. Modified: the weight of each final center's group.
     * @return the weighted SSD of the points to their nearest final center
     */
    static double run(double[] points, PointColumns columns, double[] weights, int n, int d, double[] centers, int k,
                      int maxIter, double tol, double[] groupWeights) {
        int[] assignment = new int[n];
        double[] dist = new double[n];
        double[] sums = new double[k * d];
        double[] groupW = new double[k];
        int[] counts = new int[k];
        double[] toCenter = new double[n];
        double ssd = assign(columns, weights, n, d, centers, k, assignment, dist, toCenter);
        for (int iter = 0; iter < maxIter; iter++) {
            update(points, weights, n, d, centers, k, assignment, dist, sums, groupW, counts);
            double next = assign(columns, weights, n, d, centers, k, assignment, dist, toCenter);
            boolean converged = ssd - next <= tol * ssd;
            ssd = next;
            if (converged) break;
        }
        hartigan(points, weights, n, d, centers, k, assignment, sums, groupW, maxIter);
        if (groupWeights != null) System.arraycopy(groupW, 0, groupWeights, 0, k);
        return assign(columns, weights, n, d, centers, k, assignment, dist, toCenter);
    }

    /**
     * Refines a partition by Hartigan's single-point moves (Hartigan and Wong, "A k-means clustering algorithm",
     * 1979; Telgarsky and Vattani, "Hartigan's method: k-means clustering without Voronoi", AISTATS 2010): a point of
     * weight {@code w} leaves cluster {@code p} for {@code q} when that lowers the exact weighted SSD, i.e. when
     * {@code w W_q / (W_q + w) ||x - c_q||^2 < w W_p / (W_p - w) ||x - c_p||^2}. Its fixed points are a subset of
     * Lloyd's, often markedly better ones when the points are few and heavy, as the weighted centers of a state are.
     * On return {@code centers} are the weighted means of the final groups and {@code groupW} their weights.
     */
    private static void hartigan(double[] points, double[] weights, int n, int d, double[] centers, int k,
                                 int[] assignment, double[] sums, double[] groupW, int maxPasses) {
        recenter(points, weights, n, d, centers, k, assignment, sums, groupW);
        PointColumns centerColumns = new PointColumns(centers, k, d);
        double[] toCenter = new double[k];
        for (int pass = 0; pass < maxPasses; pass++) {
            boolean moved = false;
            for (int i = 0; i < n; i++) {
                int p = assignment[i];
                double w = weights[i];
                double wp = groupW[p];
                if (wp - w <= 1e-12 * wp) continue; // alone in its cluster
                int off = i * d;
                centerColumns.squaredDistances(points, off, toCenter);
                double leave = w * wp / (wp - w) * toCenter[p];
                int bestQ = -1;
                double bestJoin = leave * (1 - 1e-12);
                for (int q = 0; q < k; q++) {
                    if (q == p) continue;
                    double wq = groupW[q];
                    double join = wq == 0 ? 0 : w * wq / (wq + w) * toCenter[q];
                    if (join < bestJoin) {
                        bestJoin = join;
                        bestQ = q;
                    }
                }
                if (bestQ < 0) continue;
                move(points, off, w, p, bestQ, d, centers, sums, groupW);
                centerColumns.setRow(p, centers, p * d);
                centerColumns.setRow(bestQ, centers, bestQ * d);
                assignment[i] = bestQ;
                moved = true;
            }
            if (!moved) break;
        }
        recenter(points, weights, n, d, centers, k, assignment, sums, groupW);
    }

    private static void move(double[] points, int off, double w, int from, int to, int d, double[] centers,
                             double[] sums, double[] groupW) {
        groupW[from] -= w;
        groupW[to] += w;
        double invFrom = 1.0 / groupW[from];
        double invTo = 1.0 / groupW[to];
        int f = from * d;
        int t0 = to * d;
        for (int t = 0; t < d; t++) {
            double v = w * points[off + t];
            sums[f + t] -= v;
            sums[t0 + t] += v;
            centers[f + t] = sums[f + t] * invFrom;
            centers[t0 + t] = sums[t0 + t] * invTo;
        }
    }

    /** Sets sums, group weights and centers (for non-empty groups) exactly from the assignment. */
    private static void recenter(double[] points, double[] weights, int n, int d, double[] centers, int k,
                                 int[] assignment, double[] sums, double[] groupW) {
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
            if (groupW[j] == 0) continue;
            double inv = 1.0 / groupW[j];
            int base = j * d;
            for (int t = 0; t < d; t++) centers[base + t] = sums[base + t] * inv;
        }
    }

    /** Assigns each point to its nearest center (ties to the lowest index); returns the weighted SSD. */
    private static double assign(PointColumns columns, double[] weights, int n, int d, double[] centers, int k,
                                 int[] assignment, double[] dist, double[] toCenter) {
        columns.squaredDistances(centers, 0, dist);
        Arrays.fill(assignment, 0, n, 0);
        for (int j = 1; j < k; j++) {
            columns.squaredDistances(centers, j * d, toCenter);
            for (int i = 0; i < n; i++) {
                if (toCenter[i] < dist[i]) {
                    dist[i] = toCenter[i];
                    assignment[i] = j;
                }
            }
        }
        double ssd = 0;
        for (int i = 0; i < n; i++) ssd += weights[i] * dist[i];
        return ssd;
    }

    private static void update(double[] points, double[] weights, int n, int d, double[] centers, int k,
                               int[] assignment, double[] dist, double[] sums, double[] groupW, int[] counts) {
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) counts[assignment[i]]++;
        for (int j = 0; j < k; j++) {
            if (counts[j] == 0) reseed(j, n, assignment, dist, counts);
        }
        recenter(points, weights, n, d, centers, k, assignment, sums, groupW);
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
