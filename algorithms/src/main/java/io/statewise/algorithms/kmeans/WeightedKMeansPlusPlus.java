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

    /**
     * Most doubles of distance rows one seeding keeps (32 MB). The weighted draws pick the same heavy points again
     * and again (a merge seeds {@code K} of {@code 2K} points with several candidates per step, so most points are
     * drawn several times), and a kept row spares recomputing its {@code n x d} distances.
     */
    static final long MAX_KEPT_DISTANCES = 1L << 22;

    private WeightedKMeansPlusPlus() {}

    /** The number of candidates per step of greedy k-means++ for {@code k} centers: {@code 2 + floor(ln k)}. */
    static int greedyTrials(int k) {
        return 2 + (int) Math.log(k);
    }

    /**
     * Chooses {@code k} of the points as initial centers.
     *
     * @param points      row-major {@code n x d}. Not modified.
     * @param weights     {@code n} positive weights. Not modified.
     * @param n           number of points, at least {@code k}
     * @param d           dimension
     * @param k           centers to choose, at least 1
     * @param localTrials candidates per step, at least 1 (1 = classic k-means++)
     * @param rng         randomness. Modified.
     * @param centers     row-major {@code k x d} output. Modified.
     */
    static void seed(double[] points, double[] weights, int n, int d, int k, int localTrials, SplitMix64 rng,
                     double[] centers) {
        seed(points, weights, n, d, k, localTrials, rng, centers, MAX_KEPT_DISTANCES);
    }

    /** {@link #seed} keeping at most {@code keptDistances} doubles of distance rows (the choice does not depend on it). */
    static void seed(double[] points, double[] weights, int n, int d, int k, int localTrials, SplitMix64 rng,
                     double[] centers, long keptDistances) {
        double[] minDist = new double[n];
        double[] trialDist = new double[n];
        double[] bestDist = new double[n];
        DistanceRows rows = new DistanceRows(points, n, d, keptDistances);
        int first = sample(weights, null, n, rng);
        System.arraycopy(points, first * d, centers, 0, d);
        System.arraycopy(rows.of(first, trialDist), 0, minDist, 0, n);
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
                double[] toCandidate = rows.of(candidate, trialDist);
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

    /** The squared distances from one point to all, computed once per point while the budget of kept doubles lasts. */
    private static final class DistanceRows {
        private final PointColumns columns;
        private final double[] points;
        private final int n;
        private final int d;
        private final double[][] kept;
        private long budget;

        DistanceRows(double[] points, int n, int d, long budget) {
            this.columns = new PointColumns(points, n, d);
            this.points = points;
            this.n = n;
            this.d = d;
            this.kept = new double[n][];
            this.budget = budget;
        }

        /** Point {@code i}'s distances: a kept row, or written to {@code scratch} once the budget is spent. */
        double[] of(int i, double[] scratch) {
            double[] row = kept[i];
            if (row != null) return row;
            if (budget >= n) {
                budget -= n;
                row = new double[n];
                kept[i] = row;
            } else {
                row = scratch;
            }
            columns.squaredDistances(points, i * d, row);
            return row;
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
