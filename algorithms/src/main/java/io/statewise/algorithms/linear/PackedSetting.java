package io.statewise.algorithms.linear;

/**
 * The hyperparameters one packed model trains with (SageMaker's model packing: Liberty et al., SIGMOD 2020, train
 * many linear models over the same pass of the data, each with its own learning rate and regularization, and keep the
 * best). Everything else (loss, optimizer, momentum, betas, schedule) is shared by the pack.
 *
 * @param learningRate the base learning rate, {@code > 0}
 * @param wd           L2 regularization of the weights (not the bias), {@code >= 0}
 * @param l1           L1 regularization of the weights, applied as a proximal step, {@code >= 0}
 */
public record PackedSetting(double learningRate, double wd, double l1) {

    /**
     * The settings of {@code config.numModels()} packed models. Model 0 is exactly the configured
     * {@code learning_rate}, {@code wd} and {@code l1}. Model {@code m >= 1} takes point {@code m + 1} of a Halton
     * sequence (bases 2, 3, 5: a deterministic, evenly spread grid over the unit cube, Halton 1960; point 1 is the
     * cube's center, the setting model 0 already has) and maps it to
     * <ul>
     *   <li>{@code learning_rate * 10^(2u - 1)}: log-uniform from a tenth to ten times the given rate;</li>
     *   <li>{@code wd * 10^(2v - 1)} if {@code wd > 0}; otherwise 0 for half the models and log-uniform in
     *       {@code [1e-6, 1e-2)} for the other half;</li>
     *   <li>{@code l1 * 10^(2w - 1)} if {@code l1 > 0}; otherwise 0 for three quarters of the models and log-uniform
     *       in {@code [1e-7, 1e-3)} for the rest (L1 mostly helps sparse, high-dimensional data).</li>
     * </ul>
     * The grid depends only on the configuration, so every worker and every replay packs the same models.
     */
    public static PackedSetting[] grid(LinearConfig config) {
        PackedSetting[] out = new PackedSetting[config.numModels()];
        out[0] = new PackedSetting(config.learningRate(), config.wd(), config.l1());
        for (int m = 1; m < out.length; m++) {
            double u = halton(m + 1, 2);
            double v = halton(m + 1, 3);
            double w = halton(m + 1, 5);
            double lr = config.learningRate() * Math.pow(10, 2 * u - 1);
            double wd = config.wd() > 0 ? config.wd() * Math.pow(10, 2 * v - 1)
                    : v < 0.5 ? 0 : Math.pow(10, -6 + 8 * (v - 0.5));
            double l1 = config.l1() > 0 ? config.l1() * Math.pow(10, 2 * w - 1)
                    : w < 0.75 ? 0 : Math.pow(10, -7 + 16 * (w - 0.75));
            out[m] = new PackedSetting(lr, wd, l1);
        }
        return out;
    }

    /** The radical inverse of {@code index} in {@code base}: the {@code index}-th Halton point, in [0, 1). */
    static double halton(int index, int base) {
        double result = 0;
        double f = 1.0 / base;
        for (int i = index; i > 0; i /= base) {
            result += f * (i % base);
            f /= base;
        }
        return result;
    }
}
