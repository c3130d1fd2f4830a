package io.statewise.algorithms.pca;

import io.statewise.algorithms.InvalidHyperParameterException;
import java.util.Locale;

/**
 * How PCA summarizes the data ({@code algorithm_mode}). SageMaker's PCA has {@code regular} and {@code randomized};
 * {@code sketch} (Frequent Directions) is Statewise's deterministic choice for many features.
 */
public enum PcaMode {
    /**
     * The exact scatter matrix {@code X^T X} (upper triangle) with the sum of the rows: exact components, exact merge,
     * {@code O(d^2)} state and {@code O(d^2)} work per record.
     */
    REGULAR("regular", 0),
    /**
     * SageMaker's randomized mode: a random-sign sketch {@code H X} of {@code m} rows. Exact (additive) merge,
     * {@code O(m d)} state; components approximate the top subspace, variances are estimates.
     */
    RANDOMIZED("randomized", 1),
    /**
     * Frequent Directions (Liberty, KDD 2013; Ghashami et al., SIAM J. Comput. 2016): a deterministic {@code l x d}
     * sketch with a guaranteed covariance error; mergeable; {@code O(l d)} state and amortized work per record.
     */
    SKETCH("sketch", 2);

    private final String parameterValue;
    private final int code;

    PcaMode(String parameterValue, int code) {
        this.parameterValue = parameterValue;
        this.code = code;
    }

    /** The {@code algorithm_mode} value naming this mode. */
    public String parameterValue() {
        return parameterValue;
    }

    /** The byte that names this mode in encodings; never reused. */
    int code() {
        return code;
    }

    /**
     * The mode named {@code value}.
     *
     * @throws InvalidHyperParameterException ({@code algorithm_mode}) on an unknown name
     */
    public static PcaMode of(String value) {
        for (PcaMode m : values()) {
            if (m.parameterValue.equals(value.toLowerCase(Locale.ROOT))) return m;
        }
        throw new InvalidHyperParameterException("algorithm_mode",
                "must be regular, randomized or sketch, got '" + value + "'");
    }

    /** The mode encoded as {@code code}, or null if no mode has it. */
    static PcaMode ofCode(int code) {
        for (PcaMode m : values()) {
            if (m.code == code) return m;
        }
        return null;
    }
}
