package io.statewise.algorithms.ntm;

/**
 * The prior over the topic logits {@code z}: the Laplace approximation of a symmetric Dirichlet(alpha = 1) in the
 * softmax basis (MacKay 1998; Srivastava and Sutton, ICLR 2017), a diagonal Gaussian with mean
 * {@code mu0 = log alpha - mean(log alpha) = 0} and variance {@code var0 = (1 / alpha)(1 - 2 / K) + (1 / K^2) sum_k
 * 1 / alpha = 1 - 1 / K}. The KL divergence of the posterior {@code N(mu, diag sigma^2)} from it, per document:
 * {@code 0.5 sum_k (sigma_k^2 / var0 + (mu_k - mu0)^2 / var0 - 1 + log var0 - log sigma_k^2)}.
 */
final class LogisticNormalPrior {

    private final int topics;
    private final double variance;
    private final double logVariance;

    LogisticNormalPrior(int topics) {
        this.topics = topics;
        this.variance = 1 - 1.0 / topics;
        this.logVariance = Math.log(variance);
    }

    /** The KL divergence of the posterior in row {@code i} of {@code posterior} ({@code [mu, log sigma^2]}). */
    double kl(float[] posterior, int i) {
        int off = 2 * topics * i;
        double sum = 0;
        for (int k = 0; k < topics; k++) {
            double mu = posterior[off + k];
            double logVar = posterior[off + topics + k];
            sum += Math.exp(logVar) / variance + mu * mu / variance - 1 + logVariance - logVar;
        }
        return 0.5 * sum;
    }

    /** Adds {@code scale} times the KL's gradient for row {@code i} to {@code dPosterior}. */
    void addGradient(float[] posterior, int i, double scale, float[] dPosterior) {
        int off = 2 * topics * i;
        for (int k = 0; k < topics; k++) {
            double mu = posterior[off + k];
            double logVar = posterior[off + topics + k];
            dPosterior[off + k] += (float) (scale * mu / variance);
            dPosterior[off + topics + k] += (float) (scale * 0.5 * (Math.exp(logVar) / variance - 1));
        }
    }
}
