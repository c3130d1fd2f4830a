package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.linalg.DistanceOps;

/**
 * Fills a state's free center slots from the records of its first mini-batch(es), before the mini-batch update
 * processes them.
 *
 * <p>New centers get weight 0: the update that follows assigns each chosen record to its own center, so every record
 * counts exactly once (weight 1) and a center's position becomes the mean of the records it attracted in that batch.
 * Runs only while the state has fewer than {@code K} centers, so its allocation (k-means++'s distance array) happens
 * at most a few times per state.
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
}
