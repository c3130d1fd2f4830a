package io.statewise.algorithms.kmeans;

import java.util.Arrays;

/**
 * Best-of-trials k-means on weighted points: each trial seeds (k-means++ or uniformly) and runs
 * {@link WeightedLloyd}; the lowest weighted SSD wins. The clustering step of finalize (the centers of a state
 * reduced to the model's {@code k}) and of merge (a union of centers reduced back to {@code K}).
 */
final class WeightedClustering {

    private WeightedClustering() {}

    /**
     * A clustering of weighted points.
     *
     * @param centers      row-major {@code k x d}
     * @param groupWeights total weight of each center's group of points
     * @param ssd          weighted sum of squared distances of the points to their nearest center
     */
    record Result(double[] centers, double[] groupWeights, double ssd) {}

    /**
     * Clusters {@code n} weighted points into {@code k} centers; deterministic given {@code seed}.
     *
     * @param points  row-major {@code n x d}. Not modified.
     * @param weights {@code n} positive weights. Not modified.
     * @param n       number of points, at least {@code k}
     * @param d       dimension
     * @param k       centers, at least 1
     * @param trials  independent seedings, at least 1
     * @param init    seeding method (k-means++ uses the greedy variant)
     * @param maxIter most Lloyd updates per trial
     * @param tol     Lloyd's relative SSD improvement threshold
     * @param seed    randomness
     */
    static Result best(double[] points, double[] weights, int n, int d, int k, int trials,
                       KMeansConfig.InitMethod init, int maxIter, double tol, long seed) {
        if (k > n) throw new IllegalArgumentException("k = " + k + " exceeds the " + n + " points");
        if (k == n) {
            return new Result(Arrays.copyOf(points, n * d), Arrays.copyOf(weights, n), 0.0);
        }
        SplitMix64 rng = new SplitMix64(seed);
        int localTrials = WeightedKMeansPlusPlus.greedyTrials(k);
        PointDistances distances = new PointDistances(points, n, d); // shared by the trials
        Result best = null;
        for (int trial = 0; trial < trials; trial++) {
            double[] centers = new double[k * d];
            if (init == KMeansConfig.InitMethod.KMEANS_PLUS_PLUS) {
                WeightedKMeansPlusPlus.seed(distances, weights, k, localTrials, rng, centers);
            } else {
                UniformSeeding.seed(points, n, d, k, rng, centers);
            }
            double[] groupWeights = new double[k];
            double ssd = WeightedLloyd.run(points, distances.columns(), weights, n, d, centers, k, maxIter, tol,
                    groupWeights);
            if (best == null || ssd < best.ssd()) best = new Result(centers, groupWeights, ssd);
        }
        return best;
    }
}
