package io.statewise.algorithms.linear;

/**
 * Tunes a binary classifier's threshold from one packed model's score histograms ({@link PackedScores}): every bin
 * edge {@code b / B} is a candidate (predict 1 when the probability is at least it), and the counts of positives and
 * negatives at or above each edge give the confusion matrix exactly. Ties between thresholds go to the one closest to
 * 0.5.
 *
 * <p>Precision with nothing predicted positive counts as 1 and recall at threshold 0 is 1, so a recall target is
 * always met (at worst by predicting everything positive) and a precision target too (at worst by predicting nothing,
 * recall 0): a model that cannot reach a precision target scores recall 0 and ranks last.
 */
final class ThresholdTuning {

    private ThresholdTuning() {}

    /**
     * A tuned threshold.
     *
     * @param threshold the probability at or above which class 1 is predicted
     * @param value     the criterion's value there (higher is better); NaN without data
     */
    record Tuned(double threshold, double value) {}

    /**
     * The best threshold of model {@code m} for {@code criterion}; {@link SelectionCriterion#LOSS_FUNCTION} keeps 0.5
     * (its value is then the accuracy there, for information).
     */
    static Tuned tune(PackedScores scores, int m, SelectionCriterion criterion, double beta, double targetRecall,
                      double targetPrecision) {
        int bins = scores.bins();
        double[] tp = new double[bins + 1];
        double[] fp = new double[bins + 1];
        for (int b = bins - 1; b >= 0; b--) {
            tp[b] = tp[b + 1] + scores.positives(m, b);
            fp[b] = fp[b + 1] + scores.negatives(m, b);
        }
        double positives = tp[0];
        double negatives = fp[0];
        if (positives + negatives == 0) return new Tuned(0.5, Double.NaN);
        if (criterion == SelectionCriterion.LOSS_FUNCTION) {
            int half = bins / 2;
            return new Tuned(half / (double) bins, accuracy(tp[half], fp[half], positives, negatives));
        }
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int b = 0; b <= bins; b++) {
            double precision = tp[b] + fp[b] == 0 ? 1 : tp[b] / (tp[b] + fp[b]);
            double recall = positives == 0 ? 1 : tp[b] / positives;
            double value = switch (criterion) {
                case ACCURACY -> accuracy(tp[b], fp[b], positives, negatives);
                case F_BETA -> fBeta(tp[b], fp[b], positives, beta);
                case PRECISION_AT_TARGET_RECALL -> recall >= targetRecall ? precision : Double.NEGATIVE_INFINITY;
                case RECALL_AT_TARGET_PRECISION -> precision >= targetPrecision ? recall : Double.NEGATIVE_INFINITY;
                case LOSS_FUNCTION -> throw new IllegalStateException("handled above");
            };
            if (value > bestValue || value == bestValue && Math.abs(2 * b - bins) < Math.abs(2 * best - bins)) {
                bestValue = value;
                best = b;
            }
        }
        return new Tuned(best / (double) bins, bestValue);
    }

    /** The fraction of records classified correctly with {@code tp} and {@code fp} predicted positive. */
    static double accuracy(double tp, double fp, double positives, double negatives) {
        return (tp + negatives - fp) / (positives + negatives);
    }

    /** {@code (1 + b^2) tp / ((1 + b^2) tp + b^2 fn + fp)}, 0 when nothing is predicted or present. */
    static double fBeta(double tp, double fp, double positives, double beta) {
        double b2 = beta * beta;
        double denominator = (1 + b2) * tp + b2 * (positives - tp) + fp;
        return denominator == 0 ? 0 : (1 + b2) * tp / denominator;
    }
}
