package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.linalg.DistanceOps;
import java.util.Arrays;

/**
 * Fills a state's free center slots from the records of its first mini-batch(es), before the mini-batch update
 * processes them.
 *
 * <p>New centers get weight 0: the update that follows assigns each chosen record to its own center, so every record
 * counts exactly once (weight 1) and a center's position becomes the mean of the records it attracted in that batch.
 * Runs only while the state has fewer than {@code K} centers, so its allocation (k-means++'s distance array) happens
 * at most a few times per state.
 *
 * <p>Sparse batches are seeded the same way with the same random draws, densifying only the chosen records into
 * center rows; k-means++ measures distances with {@link SparseCenterSearch#squaredDistance(double[], int, double,
 * int[], float[], int, int)} in {@code O(nnz)} per record and center. Random seeding thus picks exactly the records
 * it would pick from the dense form of the batch; k-means++ picks the same records unless a draw falls within
 * rounding (about 1e-16 relative) of the boundary between two records.
 */
final class StreamingSeeding {

    private StreamingSeeding() {}

    /**
     * Adds up to {@code capacity - filled} centers taken from {@code batch}.
     *
     * @param state  the state. Modified: centers, filled, rngState.
     * @param batch  the records. Not modified.
     * @param method random: distinct records drawn uniformly (all of them if there are too few); k-means++: D^2
     *               seeding over the batch given the centers already present
     */
    static void fill(KMeansState state, DenseBatch batch, KMeansConfig.InitMethod method) {
        int need = state.capacity() - state.filled;
        int n = batch.size();
        if (need <= 0 || n == 0) return;
        if (n <= need) {
            for (int i = 0; i < n; i++) addCenter(state, batch, i);
            return;
        }
        SplitMix64 rng = new SplitMix64(state.rngState);
        if (method == KMeansConfig.InitMethod.RANDOM) {
            selectUniform(state, batch, need, rng);
        } else {
            selectKMeansPlusPlus(state, batch, need, rng);
        }
        state.rngState = rng.state();
    }

    /** Selection sampling (Knuth, TAOCP vol. 2, Algorithm S): {@code need} distinct rows, each set equally likely. */
    private static void selectUniform(KMeansState state, DenseBatch batch, int need, SplitMix64 rng) {
        int n = batch.size();
        int chosen = 0;
        for (int i = 0; i < n && chosen < need; i++) {
            if ((n - i) * rng.nextDouble() < need - chosen) {
                addCenter(state, batch, i);
                chosen++;
            }
        }
    }

    /** k-means++ over the batch's rows, counting the state's existing centers as already chosen. */
    private static void selectKMeansPlusPlus(KMeansState state, DenseBatch batch, int need, SplitMix64 rng) {
        int n = batch.size();
        int d = state.dimension();
        float[] x = batch.features();
        double[] minDist = new double[n];
        if (state.filled == 0) {
            addCenter(state, batch, rng.nextInt(n));
            need--;
            int c = (state.filled - 1) * d;
            for (int i = 0; i < n; i++) minDist[i] = DistanceOps.squaredDistance(x, i * d, state.centers, c, d);
        } else {
            for (int i = 0; i < n; i++) {
                int j = DistanceOps.nearest(x, i * d, state.centers, state.filled, d);
                minDist[i] = DistanceOps.squaredDistance(x, i * d, state.centers, j * d, d);
            }
        }
        for (; need > 0; need--) {
            double total = 0;
            for (int i = 0; i < n; i++) total += minDist[i];
            if (!(total > 0)) return;
            double u = rng.nextDouble() * total;
            int pick = -1;
            for (int i = 0; i < n; i++) {
                if (minDist[i] > 0) {
                    pick = i;
                    u -= minDist[i];
                    if (u < 0) break;
                }
            }
            addCenter(state, batch, pick);
            int c = (state.filled - 1) * d;
            for (int i = 0; i < n; i++) {
                double dist = DistanceOps.squaredDistance(x, i * d, state.centers, c, d);
                if (dist < minDist[i]) minDist[i] = dist;
            }
        }
    }

    private static void addCenter(KMeansState state, DenseBatch batch, int row) {
        int d = state.dimension();
        int dst = state.filled * d;
        float[] x = batch.features();
        int src = row * d;
        for (int t = 0; t < d; t++) state.centers[dst + t] = x[src + t];
        state.weights[state.filled] = 0;
        state.filled++;
    }

    /**
     * Adds up to {@code capacity - filled} centers taken from a sparse {@code batch}, as
     * {@link #fill(KMeansState, DenseBatch, KMeansConfig.InitMethod)} does for a dense one.
     *
     * @param state  the state. Modified: centers, filled, rngState.
     * @param batch  the records. Not modified.
     * @param method random or k-means++
     */
    static void fill(KMeansState state, SparseBatch batch, KMeansConfig.InitMethod method) {
        int need = state.capacity() - state.filled;
        int n = batch.size();
        if (need <= 0 || n == 0) return;
        if (n <= need) {
            for (int i = 0; i < n; i++) addCenter(state, batch, i);
            return;
        }
        SplitMix64 rng = new SplitMix64(state.rngState);
        if (method == KMeansConfig.InitMethod.RANDOM) {
            int chosen = 0;
            for (int i = 0; i < n && chosen < need; i++) {
                if ((n - i) * rng.nextDouble() < need - chosen) {
                    addCenter(state, batch, i);
                    chosen++;
                }
            }
        } else {
            selectKMeansPlusPlus(state, batch, need, rng);
        }
        state.rngState = rng.state();
    }

    /** k-means++ over a sparse batch's rows, counting the state's existing centers as already chosen. */
    private static void selectKMeansPlusPlus(KMeansState state, SparseBatch batch, int need, SplitMix64 rng) {
        int n = batch.size();
        int d = state.dimension();
        int[] rowStart = batch.rowStart();
        int[] indices = batch.indices();
        float[] values = batch.values();
        double[] centers = state.centers;
        double[] minDist = new double[n];
        if (state.filled == 0) {
            addCenter(state, batch, rng.nextInt(n));
            need--;
            int c = (state.filled - 1) * d;
            double norm = SparseCenterSearch.squaredNorm(centers, c, d);
            for (int i = 0; i < n; i++) {
                minDist[i] = SparseCenterSearch.squaredDistance(centers, c, norm, indices, values, rowStart[i],
                        rowStart[i + 1]);
            }
        } else {
            double[] norms = new double[state.filled];
            for (int j = 0; j < state.filled; j++) norms[j] = SparseCenterSearch.squaredNorm(centers, j * d, d);
            Arrays.fill(minDist, Double.POSITIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < state.filled; j++) {
                    double dist = SparseCenterSearch.squaredDistance(centers, j * d, norms[j], indices, values,
                            rowStart[i], rowStart[i + 1]);
                    if (dist < minDist[i]) minDist[i] = dist;
                }
            }
        }
        for (; need > 0; need--) {
            double total = 0;
            for (int i = 0; i < n; i++) total += minDist[i];
            if (!(total > 0)) return;
            double u = rng.nextDouble() * total;
            int pick = -1;
            for (int i = 0; i < n; i++) {
                if (minDist[i] > 0) {
                    pick = i;
                    u -= minDist[i];
                    if (u < 0) break;
                }
            }
            addCenter(state, batch, pick);
            int c = (state.filled - 1) * d;
            double norm = SparseCenterSearch.squaredNorm(centers, c, d);
            for (int i = 0; i < n; i++) {
                double dist = SparseCenterSearch.squaredDistance(centers, c, norm, indices, values, rowStart[i],
                        rowStart[i + 1]);
                if (dist < minDist[i]) minDist[i] = dist;
            }
        }
    }

    /** Densifies sparse record {@code row} into the next center row, with weight 0. */
    private static void addCenter(KMeansState state, SparseBatch batch, int row) {
        int d = state.dimension();
        int dst = state.filled * d;
        Arrays.fill(state.centers, dst, dst + d, 0.0);
        int[] indices = batch.indices();
        float[] values = batch.values();
        for (int p = batch.rowStart()[row]; p < batch.rowStart()[row + 1]; p++) {
            state.centers[dst + indices[p]] = values[p];
        }
        state.weights[state.filled] = 0;
        state.filled++;
    }
}
