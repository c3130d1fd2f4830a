package io.statewise.algorithms.nn;

/**
 * The log-gamma and digamma functions that likelihoods of count and rate data need (negative binomial, beta,
 * Student's t) and their gradients. Double precision, no allocation.
 */
public final class SpecialFunctions {

    /** Lanczos coefficients for g = 7, n = 9 (Numerical Recipes, 3rd ed., 6.1): about 15 significant digits. */
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private SpecialFunctions() {}

    /** {@code log Gamma(x)} for {@code x > 0}. */
    public static double logGamma(double x) {
        if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x); // reflection
        double z = x - 1;
        double a = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /**
     * {@code digamma(x) = d/dx log Gamma(x)} for {@code x > 0}: the recurrence {@code psi(x) = psi(x + 1) - 1/x} up to
     * {@code x >= 6}, then the asymptotic series (error below 1e-12 there).
     */
    public static double digamma(double x) {
        double result = 0;
        while (x < 6) {
            result -= 1 / x;
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        return result + Math.log(x) - 0.5 * inv
                - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
    }
}
