package io.statewise.algorithms.deepar;

import io.statewise.algorithms.nn.Activation;
import io.statewise.algorithms.nn.GaussianSampler;
import io.statewise.algorithms.nn.RandomVariates;
import io.statewise.algorithms.nn.SpecialFunctions;
import java.util.List;

/**
 * DeepAR's output distributions, SageMaker's {@code likelihood}: each maps the network's {@link #parameters()} raw
 * outputs of a step to a distribution of the step's value, with its negative log-likelihood, that loss's gradient
 * with respect to the raw outputs (derived by hand, checked by finite differences) and a sampler. Positive
 * parameters go through {@code softplus} plus a small floor. Values and samples are in the series' units: a
 * {@linkplain #scaled() scaled} likelihood models {@code z / scale} (Salinas et al.'s mean scaling); the negative
 * binomial models counts with mean {@code mu * scale} and dispersion {@code alpha / sqrt(scale)} (the paper's
 * scaling); the beta models values in {@code [0, 1]} unscaled.
 */
public sealed interface Likelihood
        permits Likelihood.Gaussian, Likelihood.StudentT, Likelihood.NegativeBinomial, Likelihood.Beta,
        Likelihood.DeterministicL1 {

    /** Floor added to positive parameters. */
    double MIN_POSITIVE = 1e-6;

    /** SageMaker's names, lower case (the hyperparameter parser lower-cases choices). */
    List<String> NAMES = List.of("gaussian", "student-t", "negative-binomial", "beta", "deterministic-l1");

    /** The likelihood named {@code name} (case-insensitive), one of {@link #NAMES}. */
    static Likelihood of(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "gaussian" -> new Gaussian();
            case "student-t" -> new StudentT();
            case "negative-binomial" -> new NegativeBinomial();
            case "beta" -> new Beta();
            case "deterministic-l1" -> new DeterministicL1();
            default -> throw new IllegalArgumentException("unknown likelihood '" + name + "'; known: " + NAMES);
        };
    }

    /** The name as hyperparameters spell it. */
    String name();

    /** Raw network outputs per step. */
    int parameters();

    /** Whether values are divided by the series' scale before the network sees them. */
    default boolean scaled() {
        return true;
    }

    /** Why {@code value} cannot be modelled (e.g. a negative count), or null. */
    default String reject(double value) {
        return null;
    }

    /**
     * The negative log-likelihood of {@code z} (series units) under the distribution of {@code raw[at..]}, and its
     * gradient with respect to those raw outputs, written times {@code weight} to {@code dRaw[at..]} (skipped if
     * {@code dRaw} is null). Scaled likelihoods return the loss of {@code z / scale}.
     */
    double loss(float[] raw, int at, double z, double scale, float[] dRaw, double weight);

    /** A draw of the step's value, in series units. */
    double sample(float[] raw, int at, double scale, GaussianSampler random);

    private static double positive(double raw) {
        return Activation.softplus(raw) + MIN_POSITIVE;
    }

    /** Normal with mean {@code raw0} and standard deviation {@code softplus(raw1)}. */
    record Gaussian() implements Likelihood {
        private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

        @Override
        public String name() {
            return "gaussian";
        }

        @Override
        public int parameters() {
            return 2;
        }

        @Override
        public double loss(float[] raw, int at, double z, double scale, float[] dRaw, double weight) {
            double y = z / scale;
            double mu = raw[at];
            double sigma = positive(raw[at + 1]);
            double e = (y - mu) / sigma;
            if (dRaw != null) {
                dRaw[at] = (float) (weight * -e / sigma);
                dRaw[at + 1] = (float) (weight * (1 - e * e) / sigma * Activation.sigmoid(raw[at + 1]));
            }
            return HALF_LOG_TWO_PI + Math.log(sigma) + 0.5 * e * e;
        }

        @Override
        public double sample(float[] raw, int at, double scale, GaussianSampler random) {
            return scale * (raw[at] + positive(raw[at + 1]) * random.nextGaussian());
        }
    }

    /**
     * Student's t with location {@code raw0}, scale {@code softplus(raw1)} and {@code 2 + softplus(raw2)} degrees of
     * freedom (so its variance exists), SageMaker's default: heavy tails keep outliers from dominating the loss.
     */
    record StudentT() implements Likelihood {
        @Override
        public String name() {
            return "student-t";
        }

        @Override
        public int parameters() {
            return 3;
        }

        @Override
        public double loss(float[] raw, int at, double z, double scale, float[] dRaw, double weight) {
            double y = z / scale;
            double mu = raw[at];
            double sigma = positive(raw[at + 1]);
            double nu = 2 + positive(raw[at + 2]);
            double e = (y - mu) / sigma;
            double e2 = e * e;
            double log1p = Math.log1p(e2 / nu);
            double logPdf = SpecialFunctions.logGamma((nu + 1) / 2) - SpecialFunctions.logGamma(nu / 2)
                    - 0.5 * Math.log(Math.PI * nu) - Math.log(sigma) - (nu + 1) / 2 * log1p;
            if (dRaw != null) {
                double dMu = -(nu + 1) * e / (sigma * (nu + e2));
                double dSigma = 1 / sigma - (nu + 1) * e2 / (sigma * (nu + e2));
                double dNu = -(0.5 * SpecialFunctions.digamma((nu + 1) / 2) - 0.5 * SpecialFunctions.digamma(nu / 2)
                        - 0.5 / nu - 0.5 * log1p + (nu + 1) * e2 / (2 * nu * (nu + e2)));
                dRaw[at] = (float) (weight * dMu);
                dRaw[at + 1] = (float) (weight * dSigma * Activation.sigmoid(raw[at + 1]));
                dRaw[at + 2] = (float) (weight * dNu * Activation.sigmoid(raw[at + 2]));
            }
            return -logPdf;
        }

        @Override
        public double sample(float[] raw, int at, double scale, GaussianSampler random) {
            double nu = 2 + positive(raw[at + 2]);
            return scale * (raw[at] + positive(raw[at + 1]) * RandomVariates.studentT(random, nu));
        }
    }

    /**
     * Negative binomial for non-negative counts: mean {@code m = softplus(raw0) scale}, dispersion
     * {@code a = softplus(raw1) / sqrt(scale)}, variance {@code m + a m^2}; the loss is of the count itself.
     */
    record NegativeBinomial() implements Likelihood {
        @Override
        public String name() {
            return "negative-binomial";
        }

        @Override
        public int parameters() {
            return 2;
        }

        @Override
        public String reject(double value) {
            return value < 0 ? "negative value " + value + " with the negative-binomial likelihood (counts only)"
                    : null;
        }

        @Override
        public double loss(float[] raw, int at, double z, double scale, float[] dRaw, double weight) {
            double root = Math.sqrt(scale);
            double m = positive(raw[at]) * scale;
            double a = positive(raw[at + 1]) / root;
            double r = 1 / a;
            double logRm = Math.log(r + m);
            double logPmf = SpecialFunctions.logGamma(z + r) - SpecialFunctions.logGamma(z + 1)
                    - SpecialFunctions.logGamma(r) + r * (Math.log(r) - logRm) + z * (Math.log(m) - logRm);
            if (dRaw != null) {
                double dM = z / m - (z + r) / (r + m);
                double dR = SpecialFunctions.digamma(z + r) - SpecialFunctions.digamma(r) + Math.log(r) - logRm
                        + (m - z) / (r + m);
                // m = softplus(raw0) scale; r = 1 / a = root / softplus(raw1)
                dRaw[at] = (float) (weight * -dM * scale * Activation.sigmoid(raw[at]));
                double alpha = a * root;
                dRaw[at + 1] = (float) (weight * dR * root / (alpha * alpha) * Activation.sigmoid(raw[at + 1]));
            }
            return -logPmf;
        }

        @Override
        public double sample(float[] raw, int at, double scale, GaussianSampler random) {
            return RandomVariates.negativeBinomial(random, positive(raw[at]) * scale,
                    positive(raw[at + 1]) / Math.sqrt(scale));
        }
    }

    /**
     * Beta with shapes {@code softplus(raw0)} and {@code softplus(raw1)}, for values in {@code [0, 1]} (rates,
     * shares); not scaled. Values at the bounds are moved in by {@link #EDGE} so their density is finite.
     */
    record Beta() implements Likelihood {
        /** How far values at 0 or 1 are moved inside. */
        static final double EDGE = 1e-4;

        @Override
        public String name() {
            return "beta";
        }

        @Override
        public int parameters() {
            return 2;
        }

        @Override
        public boolean scaled() {
            return false;
        }

        @Override
        public String reject(double value) {
            return value < 0 || value > 1 ? "value " + value + " outside [0, 1] with the beta likelihood" : null;
        }

        @Override
        public double loss(float[] raw, int at, double z, double scale, float[] dRaw, double weight) {
            double y = Math.min(1 - EDGE, Math.max(EDGE, z));
            double a = positive(raw[at]);
            double b = positive(raw[at + 1]);
            double logPdf = SpecialFunctions.logGamma(a + b) - SpecialFunctions.logGamma(a)
                    - SpecialFunctions.logGamma(b) + (a - 1) * Math.log(y) + (b - 1) * Math.log1p(-y);
            if (dRaw != null) {
                double common = SpecialFunctions.digamma(a + b);
                double dA = common - SpecialFunctions.digamma(a) + Math.log(y);
                double dB = common - SpecialFunctions.digamma(b) + Math.log1p(-y);
                dRaw[at] = (float) (weight * -dA * Activation.sigmoid(raw[at]));
                dRaw[at + 1] = (float) (weight * -dB * Activation.sigmoid(raw[at + 1]));
            }
            return -logPdf;
        }

        @Override
        public double sample(float[] raw, int at, double scale, GaussianSampler random) {
            return RandomVariates.beta(random, positive(raw[at]), positive(raw[at + 1]));
        }
    }

    /**
     * A point forecast trained on the absolute error of {@code z / scale} (SageMaker's {@code deterministic-L1}): no
     * uncertainty, every sample is the point.
     */
    record DeterministicL1() implements Likelihood {
        @Override
        public String name() {
            return "deterministic-l1";
        }

        @Override
        public int parameters() {
            return 1;
        }

        @Override
        public double loss(float[] raw, int at, double z, double scale, float[] dRaw, double weight) {
            double e = z / scale - raw[at];
            if (dRaw != null) dRaw[at] = (float) (weight * -Math.signum(e));
            return Math.abs(e);
        }

        @Override
        public double sample(float[] raw, int at, double scale, GaussianSampler random) {
            return scale * raw[at];
        }
    }
}
