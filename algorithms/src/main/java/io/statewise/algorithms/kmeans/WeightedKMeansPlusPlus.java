package io.statewise.algorithms.kmeans;

/**
 * k-means++ seeding of weighted points (Arthur and Vassilvitskii, "k-means++: the advantages of careful seeding",
 * SODA 2007): the first center is a point drawn with probability proportional to its weight, each next one with
 * probability proportional to weight times squared distance to the nearest center chosen so far. A weighted point
 * stands for {@code weight} records at one place, so this is k-means++ over the records the weighted centers
 * summarize.
 *
 * <p>With {@code localTrials > 1} it is the greedy variant scikit-learn uses ({@code 2 + ln k} candidates per step,
 * keeping the one that lowers the potential most), which needs fewer Lloyd iterations and fewer trials for the
 * same quality.
 */
final class WeightedKMeansPlusPlus {

    private WeightedKMeansPlusPlus() {}

    /** The number of candidates per step of greedy k-means++ for {@code k} centers: {@code 2 + floor(ln k)}. */
    static int greedyTrials(int k) {
        return 2 + (int) Math.log(k);
    }

    /**
     * Chooses {@code k} of the points as initial centers.
     *
     * @param distances   the points and their distances ({@link PointDistances}; shared by the trials of one
     *                    clustering)
     * @param weights     {@code n} positive weights. Not modified.
     * @param k           centers to choose, at least 1 and at most {@code n}
     * @param localTrials candidates per step, at least 1 (1 = classic k-means++)
     * @param rng         randomness. Modified.
     * @param centers     row-major {@code k x d} output. Modified.
     */
    static void seed(PointDistances distances, double[] weights, int k, int localTrials, SplitMix64 rng,
                     double[] centers) {
        int n = distances.size();
        int d = distances.dimension();
        double[] points = distances.points();
        double[] minDist = new double[n];
        double[] trialDist = new double[n];
        double[] bestDist = new double[n];
        int first = sample(weights, null, n, rng);
        System.arraycopy(points, first * d, centers, 0, d);
        System.arraycopy(distances.of(first, trialDist), 0, minDist, 0, n);
        for (int c = 1; c < k; c++) {
            double potential = 0;
            for (int i = 0; i < n; i++) potential += weights[i] * minDist[i];
            if (!(potential > 0)) {
                // every point sits on a chosen center: any further center duplicates one
                System.arraycopy(points, sample(weights, null, n, rng) * d, centers, c * d, d);
                continue;
            }
            int bestIndex = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int trial = 0; trial < localTrials; trial++) {
                int candidate = sample(weights, minDist, n, rng);
                double[] toCandidate = distances.of(candidate, trialDist);
                double pot = 0;
                for (int i = 0; i < n; i++) {
                    double dist = Math.min(minDist[i], toCandidate[i]);
                    trialDist[i] = dist;
                    pot += weights[i] * dist;
                }
                if (pot < bestPotential) {
                    bestPotential = pot;
                    bestIndex = candidate;
                    double[] swap = bestDist;
                    bestDist = trialDist;
                    trialDist = swap;
                }
            }
            System.arraycopy(points, bestIndex * d, centers, c * d, d);
            double[] swap = minDist;
            minDist = bestDist;
            bestDist = swap;
        }
    }

    /**
     * An index drawn with probability proportional to {@code weights[i] * factors[i]} ({@code factors} null: 1).
     * The total must be positive.
     */
    private static int sample(double[] weights, double[] factors, int n, SplitMix64 rng) {
        double total = 0;
        for (int i = 0; i < n; i++) total += factors == null ? weights[i] : weights[i] * factors[i];
        double u = rng.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < n; i++) {
            double p = factors == null ? weights[i] : weights[i] * factors[i];
            if (p > 0) {
                last = i;
                u -= p;
                if (u < 0) return i;
            }
        }
        return last;
    }
}
