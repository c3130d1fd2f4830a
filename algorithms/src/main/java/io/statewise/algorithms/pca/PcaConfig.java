package io.statewise.algorithms.pca;

import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.InvalidHyperParameterException;

/**
 * Validated PCA hyperparameters with {@code auto} resolved; the names follow SageMaker's PCA.
 *
 * @param numComponents   principal components of the model, at least 1 ({@code num_components})
 * @param mode            how the state summarizes the data ({@code algorithm_mode})
 * @param subtractMean    whether the model centers the data ({@code subtract_mean}); the state always keeps the sum
 *                        of the rows, so this matters at finalize only
 * @param extraComponents rows the sketch keeps beyond {@code numComponents} in randomized and sketch mode
 *                        ({@code extra_components}, resolved by {@link #autoExtraComponents}); unused in regular mode
 * @param miniBatchSize   records per update
 * @param seed            randomness of randomized mode's sign matrices
 */
public record PcaConfig(int numComponents, PcaMode mode, boolean subtractMean, int extraComponents,
                        int miniBatchSize, long seed) {

    /**
     * Checks ranges; each failure names the SageMaker hyperparameter.
     *
     * @throws InvalidHyperParameterException on a value out of range
     */
    public PcaConfig {
        require(numComponents >= 1, "num_components", "must be >= 1, got " + numComponents);
        require(mode != null, "algorithm_mode", "is required");
        require(extraComponents >= 0, "extra_components", "must be >= 0 or auto, got " + extraComponents);
        require((long) numComponents + extraComponents <= Integer.MAX_VALUE / 2, "extra_components",
                "num_components + extra_components = " + ((long) numComponents + extraComponents) + " is too many");
        require(miniBatchSize >= 1, "mini_batch_size", "must be >= 1, got " + miniBatchSize);
    }

    private static void require(boolean ok, String parameter, String message) {
        if (!ok) throw new InvalidHyperParameterException(parameter, message);
    }

    /**
     * The configuration given by validated hyperparameters of {@link PcaProvider#SPEC}; {@code extra_components}
     * of {@code auto} or SageMaker's {@code -1} resolve to {@link #autoExtraComponents}.
     *
     * @param hp values parsed by the PCA spec. Not modified.
     * @throws InvalidHyperParameterException on a value out of range
     */
    public static PcaConfig from(HyperParameters hp) {
        int k = hp.getInt("num_components");
        PcaMode mode = PcaMode.of(hp.getString("algorithm_mode"));
        int extra = hp.isAuto("extra_components") || hp.getInt("extra_components") == -1
                ? autoExtraComponents(mode, k) : hp.getInt("extra_components");
        return new PcaConfig(k, mode, hp.getBoolean("subtract_mean"), extra, hp.getInt("mini_batch_size"),
                hp.getInt("seed"));
    }

    /**
     * The {@code extra_components} used for {@code auto}: {@code max(10, k)} in randomized mode, as SageMaker's
     * default, so the sketch has {@code m >= 2k} rows and at least 10 spare ones (the oversampling of randomized
     * range finders, Halko, Martinsson and Tropp, SIAM Review 2011); {@code k} in sketch mode, so Frequent Directions
     * keeps {@code l = 2k} rows and its covariance error is at most {@code ||A - A_k||_F^2 / k}; 0 in regular mode.
     */
    public static int autoExtraComponents(PcaMode mode, int k) {
        return switch (mode) {
            case REGULAR -> 0;
            case RANDOMIZED -> Math.max(10, k);
            case SKETCH -> k;
        };
    }

    /**
     * Rows of the state's sketch for {@code d} features: {@code m = k + extra} in randomized mode (more rows than
     * features still sharpen the estimate of {@code A^T A}), {@code l = min(k + extra, d)} in sketch mode (with
     * {@code l = d} Frequent Directions is exact), {@code d} in regular mode.
     */
    public int sketchRows(int d) {
        return switch (mode) {
            case REGULAR -> d;
            case RANDOMIZED -> numComponents + extraComponents;
            case SKETCH -> Math.min(numComponents + extraComponents, d);
        };
    }
}
