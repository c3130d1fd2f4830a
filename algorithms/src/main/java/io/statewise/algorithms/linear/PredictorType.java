package io.statewise.algorithms.linear;

import io.statewise.algorithms.InvalidHyperParameterException;
import java.util.Locale;

/** What a linear learner predicts: SageMaker's {@code predictor_type}. */
public enum PredictorType {
    /** A real value; labels are any finite number. */
    REGRESSOR("regressor"),
    /** A probability of the positive class and a 0/1 label; labels are 0 or 1. */
    BINARY_CLASSIFIER("binary_classifier"),
    /** One of {@code num_classes >= 3} classes and their probabilities; labels are class ids 0..num_classes-1. */
    MULTICLASS_CLASSIFIER("multiclass_classifier");

    private final String parameterValue;

    PredictorType(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    /** The value of {@code predictor_type} naming this type. */
    public String parameterValue() {
        return parameterValue;
    }

    /** The type named {@code value}. */
    static PredictorType of(String value) {
        for (PredictorType t : values()) {
            if (t.parameterValue.equals(value.toLowerCase(Locale.ROOT))) return t;
        }
        throw new InvalidHyperParameterException("predictor_type",
                "must be regressor, binary_classifier or multiclass_classifier, got '" + value + "'");
    }
}
