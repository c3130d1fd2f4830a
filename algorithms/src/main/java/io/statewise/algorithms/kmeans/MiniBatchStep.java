package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.data.DenseBatch;
import java.util.Arrays;

/**
 * One mini-batch update of streaming k-means (Sculley, "Web-scale k-means clustering", WWW 2010, as run by
 * SageMaker's k-means): every record of the batch is assigned to its nearest center as the centers were at the start
 * of the batch; then each center {@code j} that attracted {@code b_j} records with mean {@code m_j} moves
 * {@code c_j <- c_j + (b_j / w_j) (m_j - c_j)} after {@code w_j <- decay * w_j + b_j}. Without decay this keeps
 * every center at the exact mean of all records ever assigned to it, its weight their count.
 *
 * <p>The hot path: one pass over the batch's flat feature array, reusing the state's scratch; no allocation.
 */
final class MiniBatchStep {

    private MiniBatchStep() {}

    /**
     * Adds {@code batch} to {@code state}; the state must have at least one center.
     *
     * @param state the state. Modified: centers, weights, records, scratch.
     * @param batch the records. Not modified, not retained.
     * @param decay factor applied to every weight before the batch's counts are added, in (0, 1]
     */
    static void apply(KMeansState state, DenseBatch batch, double decay) {
        final int n = batch.size();
        final int k = state.filled;
        final int d = state.dimension();
        final float[] x = batch.features();
        final double[] centers = state.centers;
        final double[] weights = state.weights;
        final double[] sums = state.batchSums();
        final int[] counts = state.batchCounts();
        NearestCenterSearch search = state.search();
        search.load(centers, k);
        Arrays.fill(sums, 0, k * d, 0.0);
        Arrays.fill(counts, 0, k, 0);
        final int[] assignment = state.assignments();
        for (int i = 0; i < n; i += NearestCenterSearch.BLOCK) {
            int m = Math.min(NearestCenterSearch.BLOCK, n - i);
            search.assign(x, i, m, assignment, 0);
            for (int r = 0; r < m; r++) {
                int j = assignment[r];
                counts[j]++;
                int off = (i + r) * d;
                int base = j * d;
                for (int t = 0; t < d; t++) sums[base + t] += x[off + t];
            }
        }
        for (int j = 0; j < k; j++) {
            int b = counts[j];
            double w = weights[j] * decay + b;
            if (b > 0) {
                double inv = 1.0 / w;
                int base = j * d;
                for (int t = 0; t < d; t++) {
                    double c = centers[base + t];
                    centers[base + t] = c + (sums[base + t] - b * c) * inv;
                }
            }
            weights[j] = w;
        }
        state.records += n;
    }
}
