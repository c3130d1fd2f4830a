package io.statewise.algorithms.linear;

/** The training loss of a linear learner: SageMaker's {@code loss}, with {@code auto} resolved per predictor type. */
public enum LossKind {
    /** {@code (z - y)^2 / 2}: least squares. The regressor's {@code auto}. */
    SQUARED_LOSS("squared_loss", PredictorType.REGRESSOR),
    /** {@code |z - y|}: least absolute deviations, the conditional median. */
    ABSOLUTE_LOSS("absolute_loss", PredictorType.REGRESSOR),
    /**
     * Huber's loss (Huber, "Robust estimation of a location parameter", 1964): quadratic within {@code huber_delta}
     * of the label, linear beyond.
     */
    HUBER_LOSS("huber_loss", PredictorType.REGRESSOR),
    /** {@code max(0, |z - y| - loss_insensitivity)^2 / 2}. */
    EPS_INSENSITIVE_SQUARED_LOSS("eps_insensitive_squared_loss", PredictorType.REGRESSOR),
    /** {@code max(0, |z - y| - loss_insensitivity)}: support vector regression's loss. */
    EPS_INSENSITIVE_ABSOLUTE_LOSS("eps_insensitive_absolute_loss", PredictorType.REGRESSOR),
    /** The pinball loss of the {@code quantile} quantile (Koenker and Bassett, 1978). */
    QUANTILE_LOSS("quantile_loss", PredictorType.REGRESSOR),
    /** {@code log(1 + e^z) - y z}: logistic regression. The binary classifier's {@code auto}. */
    LOGISTIC("logistic", PredictorType.BINARY_CLASSIFIER),
    /** {@code max(0, margin - s z)} with {@code s = 2y - 1}: a linear support vector machine. */
    HINGE_LOSS("hinge_loss", PredictorType.BINARY_CLASSIFIER),
    /** Cross-entropy of the softmax of the class scores. The multiclass classifier's {@code auto} and only loss. */
    SOFTMAX_LOSS("softmax_loss", PredictorType.MULTICLASS_CLASSIFIER);

    private final String parameterValue;
    private final PredictorType predictorType;

    LossKind(String parameterValue, PredictorType predictorType) {
        this.parameterValue = parameterValue;
        this.predictorType = predictorType;
    }

    /** The value of {@code loss} naming this loss. */
    public String parameterValue() {
        return parameterValue;
    }

    /** The predictor type this loss trains. */
    public PredictorType predictorType() {
        return predictorType;
    }

    /** The loss {@code auto} means for {@code type}. */
    static LossKind auto(PredictorType type) {
        return switch (type) {
            case REGRESSOR -> SQUARED_LOSS;
            case BINARY_CLASSIFIER -> LOGISTIC;
            case MULTICLASS_CLASSIFIER -> SOFTMAX_LOSS;
        };
    }

    static LossKind of(String value) {
        for (LossKind k : values()) {
            if (k.parameterValue.equals(value)) return k;
        }
        throw new IllegalArgumentException("unknown loss " + value);
    }
}
