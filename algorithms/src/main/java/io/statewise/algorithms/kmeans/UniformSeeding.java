package io.statewise.algorithms.kmeans;

/**
 * Random seeding of weighted points: {@code k} distinct points drawn uniformly, ignoring weights (SageMaker's
 * {@code local_lloyd_init_method=random}). Cheaper than k-means++ but needs more trials for the same quality.
 */
final class UniformSeeding {

    private UniformSeeding() {}

    /**
     * Chooses {@code k} distinct points as initial centers by selection sampling (Knuth, TAOCP vol. 2, Algorithm S).
     *
     * @param points  row-major {@code n x d}. Not modified.
     * @param n       number of points, at least {@code k}
     * @param d       dimension
     * @param k       centers to choose
     * @param rng     randomness. Modified.
     * @param centers row-major {@code k x d} output. Modified.
     */
    static void seed(double[] points, int n, int d, int k, SplitMix64 rng, double[] centers) {
        int chosen = 0;
        for (int i = 0; i < n && chosen < k; i++) {
            if ((n - i) * rng.nextDouble() < k - chosen) {
                System.arraycopy(points, i * d, centers, chosen * d, d);
                chosen++;
            }
        }
    }
}
