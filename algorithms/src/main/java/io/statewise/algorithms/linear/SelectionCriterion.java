package io.statewise.algorithms.linear;

/**
 * How the model of a binary classifier is chosen among the packed models, and its threshold tuned: SageMaker's
 * {@code binary_classifier_model_selection_criteria}. Regressors and multiclass classifiers always select by loss.
 */
public enum SelectionCriterion {
    /** The highest accuracy, at each model's accuracy-maximizing threshold. */
    ACCURACY("accuracy"),
    /** The highest F-beta score ({@code f_beta}), at each model's F-beta-maximizing threshold. */
    F_BETA("f_beta"),
    /** The highest precision among thresholds whose recall is at least {@code target_recall}. */
    PRECISION_AT_TARGET_RECALL("precision_at_target_recall"),
    /** The highest recall among thresholds whose precision is at least {@code target_precision}. */
    RECALL_AT_TARGET_PRECISION("recall_at_target_precision"),
    /** The lowest loss; the threshold stays 0.5. */
    LOSS_FUNCTION("loss_function");

    private final String parameterValue;

    SelectionCriterion(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    /** The value of {@code binary_classifier_model_selection_criteria} naming this criterion. */
    public String parameterValue() {
        return parameterValue;
    }

    static SelectionCriterion of(String value) {
        for (SelectionCriterion c : values()) {
            if (c.parameterValue.equals(value)) return c;
        }
        throw new IllegalArgumentException("unknown criterion " + value);
    }
}
