package io.statewise.algorithms.linear;

/**
 * Picks the packed model finalize turns into the {@link LinearModel}. Regressors and multiclass classifiers (and
 * binary classifiers with {@code loss_function}) take the lowest loss; other binary classifiers take the best value
 * of {@code binary_classifier_model_selection_criteria} at each model's tuned threshold ({@link ThresholdTuning}),
 * ties broken by the lower loss. Diverged models are never chosen; a model without data (NaN) ranks last; remaining
 * ties go to the lowest index.
 */
final class ModelSelection {

    private ModelSelection() {}

    /**
     * The selected model.
     *
     * @param model     its index
     * @param threshold its threshold (binary classifiers; 0.5 otherwise)
     */
    record Choice(int model, double threshold) {}

    /**
     * Selects among the models not {@code excluded}.
     *
     * @param losses   each model's selection loss (NaN if unknown). Not modified.
     * @param scores   the histograms for threshold tuning (binary classifiers). Not modified.
     * @param excluded models that may not be chosen. Not modified.
     * @throws IllegalStateException if every model is excluded
     */
    static Choice select(LinearConfig cfg, double[] losses, PackedScores scores, boolean[] excluded) {
        boolean tuned = cfg.predictorType() == PredictorType.BINARY_CLASSIFIER;
        int best = -1;
        double bestValue = Double.NaN;
        double bestThreshold = 0.5;
        for (int m = 0; m < losses.length; m++) {
            if (excluded[m]) continue;
            double value;
            double threshold = 0.5;
            if (tuned) {
                ThresholdTuning.Tuned t = ThresholdTuning.tune(scores, m, cfg.selectionCriterion(), cfg.fBeta(),
                        cfg.targetRecall(), cfg.targetPrecision());
                threshold = t.threshold();
                value = cfg.selectionCriterion() == SelectionCriterion.LOSS_FUNCTION ? -losses[m] : t.value();
            } else {
                value = -losses[m];
            }
            if (best < 0 || better(value, -losses[m], bestValue, -losses[best])) {
                best = m;
                bestValue = value;
                bestThreshold = threshold;
            }
        }
        if (best < 0) throw new IllegalStateException("no packed model to select");
        return new Choice(best, bestThreshold);
    }

    /** Higher value wins, then higher second key (negated loss); NaN loses to any number. */
    private static boolean better(double value, double second, double bestValue, double bestSecond) {
        int c = compare(value, bestValue);
        if (c != 0) return c > 0;
        return compare(second, bestSecond) > 0;
    }

    private static int compare(double a, double b) {
        boolean na = Double.isNaN(a);
        boolean nb = Double.isNaN(b);
        if (na || nb) return na == nb ? 0 : na ? -1 : 1;
        return Double.compare(a, b) == 0 || a == b ? 0 : a > b ? 1 : -1;
    }
}
