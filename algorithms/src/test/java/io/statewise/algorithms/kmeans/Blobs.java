package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.DataSchema;
import java.util.Random;

/**
 * Seeded Gaussian blobs for the k-means tests, and helpers that stream rows through an algorithm.
 *
 * @param rows    the records
 * @param centers the true centers
 */
record Blobs(float[][] rows, float[][] centers) {

    /**
     * {@code n} records around {@code c} centers drawn uniformly in {@code [-spread, spread]^d}, with isotropic
     * Gaussian noise of standard deviation {@code std}; cluster sizes are equal in expectation.
     */
    static Blobs generate(int n, int d, int c, double spread, double std, long seed) {
        Random random = new Random(seed);
        float[][] centers = new float[c][d];
        for (float[] center : centers) {
            for (int t = 0; t < d; t++) center[t] = (float) ((2 * random.nextDouble() - 1) * spread);
        }
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            float[] center = centers[random.nextInt(c)];
            for (int t = 0; t < d; t++) rows[i][t] = (float) (center[t] + std * random.nextGaussian());
        }
        return new Blobs(rows, centers);
    }

    int dimension() {
        return rows[0].length;
    }

    DataSchema schema() {
        return new DataSchema(dimension(), false);
    }

    /** Streams rows {@code [from, to)} through {@code update} in batches of the algorithm's mini-batch size. */
    KMeansState feed(ElasticAlgorithm<KMeansState, KMeansModel> algorithm, KMeansState state, int from, int to) {
        return feed(algorithm, state, rows, from, to);
    }

    /** Streams {@code rows[from, to)} through {@code update} in batches of the algorithm's mini-batch size. */
    static KMeansState feed(ElasticAlgorithm<KMeansState, KMeansModel> algorithm, KMeansState state, float[][] rows,
                            int from, int to) {
        int d = rows[0].length;
        DenseBatch batch = new DenseBatch(algorithm.schedule().miniBatchSize(), d);
        for (int i = from; i < to; i++) {
            System.arraycopy(rows[i], 0, batch.features(), batch.size() * d, d);
            batch.commitRecord();
            if (batch.isFull()) {
                algorithm.update(state, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) algorithm.update(state, batch);
        return state;
    }

    /** One epoch over all rows from a fresh state. */
    KMeansState onePass(ElasticAlgorithm<KMeansState, KMeansModel> algorithm, long seed) {
        KMeansState state = algorithm.startPartial(algorithm.init(schema()), seed);
        return feed(algorithm, state, 0, rows.length);
    }

    /** The largest distance from a true center to the nearest of {@code found}. */
    double worstCenterError(float[][] found) {
        double worst = 0;
        for (float[] truth : centers) {
            double best = Double.POSITIVE_INFINITY;
            for (float[] f : found) {
                double s = 0;
                for (int t = 0; t < truth.length; t++) s += (truth[t] - f[t]) * (double) (truth[t] - f[t]);
                best = Math.min(best, s);
            }
            worst = Math.max(worst, Math.sqrt(best));
        }
        return worst;
    }
}
