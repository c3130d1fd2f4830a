package io.statewise.algorithms.nn;

/**
 * Draws from the distributions of probabilistic forecasts, on a {@link GaussianSampler} (so a state's single
 * {@code long} fixes every draw): gamma (Marsaglia and Tsang, ACM TOMS 2000), beta (a ratio of gammas), Poisson
 * (Knuth's product of uniforms below a mean of 30, a rounded normal approximation above, where its error is small
 * next to a forecast's spread), negative binomial (a gamma-Poisson mixture) and Student's t (a normal over the root of
 * a scaled chi-square).
 */
public final class RandomVariates {

    private RandomVariates() {}

    /** Gamma with shape {@code k > 0} and scale 1. */
    public static double gamma(GaussianSampler random, double k) {
        if (k < 1) {
            // boost: Gamma(k) = Gamma(k + 1) U^(1/k)
            double u = 1 - random.nextDouble();
            return gamma(random, k + 1) * Math.pow(u, 1 / k);
        }
        double d = k - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
        }
    }

    /** Beta with shapes {@code a, b > 0}. */
    public static double beta(GaussianSampler random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x + y == 0 ? 0.5 : x / (x + y);
    }

    /** Poisson with mean {@code lambda >= 0}. */
    public static double poisson(GaussianSampler random, double lambda) {
        if (lambda <= 0) return 0;
        if (lambda >= 30) return Math.max(0, Math.rint(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /**
     * Negative binomial with mean {@code mu > 0} and dispersion {@code alpha > 0}: variance {@code mu + alpha mu^2}.
     */
    public static double negativeBinomial(GaussianSampler random, double mu, double alpha) {
        double shape = 1 / alpha;
        return poisson(random, gamma(random, shape) * alpha * mu);
    }

    /** Student's t with {@code nu > 0} degrees of freedom. */
    public static double studentT(GaussianSampler random, double nu) {
        double chi2 = 2 * gamma(random, nu / 2);
        return random.nextGaussian() / Math.sqrt(chi2 / nu);
    }
}
