package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import java.util.Arrays;

/**
 * One mini-batch update of streaming k-means (Sculley, "Web-scale k-means clustering", WWW 2010, as run by
 * SageMaker's k-means): every record of the batch is assigned to its nearest center as the centers were at the start
 * of the batch; then each center {@code j} that attracted {@code b_j} records with mean {@code m_j} moves
 * {@code c_j <- c_j + (b_j / w_j) (m_j - c_j)} after {@code w_j <- decay * w_j + b_j}. Without decay this keeps
 * every center at the exact mean of all records ever assigned to it, its weight their count.
 *
 * <p>The hot path: one pass over the batch's flat feature array, reusing the state's scratch; no allocation. Sparse
 * batches take the same steps without densifying records: nearest centers by {@link SparseCenterSearch} and per-center
 * sums accumulated from the non-zeros only; the centers then move exactly as for dense records (a coordinate where a
 * record is zero contributes 0 to the sum either way). Given the same assignments, the sparse and dense forms of the
 * same records therefore produce bit-identical states; assignments can only differ on near-ties, where the two
 * searches round differently.
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
        final double[] sums = state.batchSums();
        final int[] counts = state.batchCounts();
        NearestCenterSearch search = state.search();
        search.load(state.centers, k);
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
        moveCenters(state, k, decay);
        state.records += n;
    }

    /**
     * Adds a batch of sparse records to {@code state}; the state must have at least one center.
     *
     * @param state the state. Modified: centers, weights, records, scratch.
     * @param batch the records. Not modified, not retained.
     * @param decay factor applied to every weight before the batch's counts are added, in (0, 1]
     */
    static void apply(KMeansState state, SparseBatch batch, double decay) {
        final int n = batch.size();
        final int k = state.filled;
        final int d = state.dimension();
        final int[] rowStart = batch.rowStart();
        final int[] indices = batch.indices();
        final float[] values = batch.values();
        final double[] sums = state.batchSums();
        final int[] counts = state.batchCounts();
        SparseCenterSearch search = state.sparseSearch();
        search.load(state.centers, k);
        Arrays.fill(sums, 0, k * d, 0.0);
        Arrays.fill(counts, 0, k, 0);
        for (int i = 0; i < n; i++) {
            int from = rowStart[i];
            int to = rowStart[i + 1];
            int j = search.nearest(indices, values, from, to);
            counts[j]++;
            int base = j * d;
            for (int p = from; p < to; p++) sums[base + indices[p]] += values[p];
        }
        moveCenters(state, k, decay);
        state.records += n;
    }

    /** Moves each center toward the mean of the batch's records assigned to it, from the batch's sums and counts. */
    private static void moveCenters(KMeansState state, int k, double decay) {
        final int d = state.dimension();
        final double[] centers = state.centers;
        final double[] weights = state.weights;
        final double[] sums = state.batchSums();
        final int[] counts = state.batchCounts();
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
    }
}
