package io.statewise.algorithms.pca;

import io.statewise.algorithms.Model;
import java.util.Arrays;

/**
 * A PCA model: {@code k} orthonormal principal directions in {@code d} features, the variance along each, and the
 * mean the records are centered with. Immutable: the constructor and every accessor copy the arrays.
 *
 * @param components             {@code k x d}: row {@code i} is the {@code i}-th principal direction, by decreasing
 *                               variance, oriented so its largest-magnitude coordinate is positive
 * @param explainedVariance      the variance of the data along each component (an estimate in randomized mode, a
 *                               lower bound in sketch mode), {@code k} values
 * @param explainedVarianceRatio each variance divided by the total variance of the data, {@code k} values
 * @param mean                   the mean subtracted before projecting; zeros when {@code subtract_mean} is false
 * @param mode                   the {@code algorithm_mode} that produced the model
 */
public record PcaModel(float[][] components, double[] explainedVariance, double[] explainedVarianceRatio,
                       float[] mean, String mode) implements Model {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if there is no component, shapes disagree, a value is not finite, a variance
     *                                  is negative or the mode is unknown
     */
    public PcaModel {
        if (components == null || components.length == 0) {
            throw new IllegalArgumentException("a model needs a component");
        }
        int k = components.length;
        int d = components[0].length;
        if (d == 0) throw new IllegalArgumentException("components need at least one feature");
        float[][] copy = new float[k][];
        for (int i = 0; i < k; i++) {
            if (components[i].length != d) {
                throw new IllegalArgumentException("component " + i + " has " + components[i].length
                        + " features, not " + d);
            }
            for (float v : components[i]) {
                if (!Float.isFinite(v)) throw new IllegalArgumentException("component " + i + " is not finite");
            }
            copy[i] = components[i].clone();
        }
        components = copy;
        if (explainedVariance == null || explainedVariance.length != k || explainedVarianceRatio == null
                || explainedVarianceRatio.length != k) {
            throw new IllegalArgumentException("need " + k + " explained variances and ratios");
        }
        for (int i = 0; i < k; i++) {
            if (!(explainedVariance[i] >= 0) || Double.isInfinite(explainedVariance[i])
                    || !(explainedVarianceRatio[i] >= 0) || Double.isInfinite(explainedVarianceRatio[i])) {
                throw new IllegalArgumentException("explained variance " + i + " is negative or not finite");
            }
        }
        explainedVariance = explainedVariance.clone();
        explainedVarianceRatio = explainedVarianceRatio.clone();
        if (mean == null || mean.length != d) throw new IllegalArgumentException("the mean needs " + d + " values");
        for (float v : mean) {
            if (!Float.isFinite(v)) throw new IllegalArgumentException("the mean is not finite");
        }
        mean = mean.clone();
        if (mode == null || !isMode(mode)) throw new IllegalArgumentException("unknown mode " + mode);
    }

    private static boolean isMode(String name) {
        for (PcaMode m : PcaMode.values()) {
            if (m.parameterValue().equals(name)) return true;
        }
        return false;
    }

    /** A copy of the components, {@code k x d}. */
    @Override
    public float[][] components() {
        float[][] copy = new float[components.length][];
        for (int i = 0; i < components.length; i++) copy[i] = components[i].clone();
        return copy;
    }

    /** A copy of the explained variances. */
    @Override
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** A copy of the explained variance ratios. */
    @Override
    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    /** A copy of the mean. */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** Number of components {@code k}. */
    public int numComponents() {
        return components.length;
    }

    @Override
    public String algorithm() {
        return PcaProvider.NAME;
    }

    @Override
    public int featureDimension() {
        return components[0].length;
    }

    /**
     * The coordinates of {@code features} along the components: {@code V (x - mean)}, accumulated in double.
     *
     * @param features {@link #featureDimension()} values. Not modified.
     * @throws IllegalArgumentException if the length is not {@link #featureDimension()}
     */
    @Override
    public Projection predict(float[] features) {
        int d = featureDimension();
        if (features.length != d) {
            throw new IllegalArgumentException("expected " + d + " features, got " + features.length);
        }
        double[] out = new double[components.length];
        for (int i = 0; i < components.length; i++) {
            float[] v = components[i];
            double s = 0;
            for (int j = 0; j < d; j++) s += (double) v[j] * ((double) features[j] - mean[j]);
            out[i] = s;
        }
        return new Projection(out);
    }

    /** The components row-major in double ({@code k x d}), a new array. */
    double[] rowMajorComponents() {
        int d = featureDimension();
        double[] out = new double[components.length * d];
        for (int i = 0; i < components.length; i++) {
            for (int j = 0; j < d; j++) out[i * d + j] = components[i][j];
        }
        return out;
    }

    /** The sum of the explained variance ratios: the fraction of the total variance the components capture. */
    public double explainedVarianceRatioTotal() {
        double s = 0;
        for (double r : explainedVarianceRatio) s += r;
        return s;
    }

    /** Equal arrays, value by value, and equal mode (records compare arrays by identity otherwise). */
    @Override
    public boolean equals(Object o) {
        return o instanceof PcaModel m && Arrays.deepEquals(components, m.components)
                && Arrays.equals(explainedVariance, m.explainedVariance)
                && Arrays.equals(explainedVarianceRatio, m.explainedVarianceRatio) && Arrays.equals(mean, m.mean)
                && mode.equals(m.mode);
    }

    @Override
    public int hashCode() {
        int h = Arrays.deepHashCode(components);
        h = 31 * h + Arrays.hashCode(explainedVariance);
        h = 31 * h + Arrays.hashCode(explainedVarianceRatio);
        h = 31 * h + Arrays.hashCode(mean);
        return 31 * h + mode.hashCode();
    }

    @Override
    public String toString() {
        return "PcaModel[mode=" + mode + ", k=" + components.length + ", d=" + featureDimension()
                + ", explainedVarianceRatio=" + Arrays.toString(explainedVarianceRatio) + "]";
    }
}
