package io.statewise.algorithms.linear;

/**
 * A training loss with its parameters, evaluated on one score at a time (or one model's class scores for softmax):
 * the value and the derivative with respect to the score. Every loss is convex in the score, so each packed model's
 * objective is convex in its weights.
 *
 * <p>Labels of regression losses are the (normalized) targets; the binary losses take labels 0 and 1; softmax takes
 * a class id. Scores are raw linear outputs (logits for the classifiers).
 *
 * @param kind          which loss
 * @param huberDelta    the Huber loss's quadratic zone half-width, {@code > 0}
 * @param insensitivity the epsilon-insensitive losses' dead zone half-width, {@code >= 0}
 * @param quantile      the quantile loss's quantile, in {@code (0, 1)}
 * @param margin        the hinge loss's margin, {@code >= 0}
 */
public record Loss(LossKind kind, double huberDelta, double insensitivity, double quantile, double margin) {

    /**
     * The loss of score {@code z} for label {@code y}; writes its derivative with respect to {@code z} into
     * {@code grad[at]} (which may be where {@code z} was read from). Not for {@link LossKind#SOFTMAX_LOSS}.
     * Non-differentiable points take the subgradient 0.
     */
    public double evaluate(double z, double y, double[] grad, int at) {
        switch (kind) {
            case SQUARED_LOSS -> {
                double r = z - y;
                grad[at] = r;
                return 0.5 * r * r;
            }
            case ABSOLUTE_LOSS -> {
                double r = z - y;
                grad[at] = Math.signum(r);
                return Math.abs(r);
            }
            case HUBER_LOSS -> {
                double r = z - y;
                double a = Math.abs(r);
                if (a <= huberDelta) {
                    grad[at] = r;
                    return 0.5 * r * r;
                }
                grad[at] = huberDelta * Math.signum(r);
                return huberDelta * (a - 0.5 * huberDelta);
            }
            case EPS_INSENSITIVE_SQUARED_LOSS -> {
                double r = z - y;
                double excess = Math.abs(r) - insensitivity;
                if (excess <= 0) {
                    grad[at] = 0;
                    return 0;
                }
                grad[at] = Math.signum(r) * excess;
                return 0.5 * excess * excess;
            }
            case EPS_INSENSITIVE_ABSOLUTE_LOSS -> {
                double r = z - y;
                double excess = Math.abs(r) - insensitivity;
                if (excess <= 0) {
                    grad[at] = 0;
                    return 0;
                }
                grad[at] = Math.signum(r);
                return excess;
            }
            case QUANTILE_LOSS -> {
                double r = y - z;
                if (r > 0) {
                    grad[at] = -quantile;
                    return quantile * r;
                }
                if (r < 0) {
                    grad[at] = 1 - quantile;
                    return (quantile - 1) * r;
                }
                grad[at] = 0;
                return 0;
            }
            case LOGISTIC -> {
                // one exp: e = exp(-|z|) gives the sigmoid and softplus(z) = max(z, 0) + log(1 + e); log rather than
                // log1p (an intrinsic, several times faster) is off by at most 1.2e-16 in the loss
                double e = Math.exp(-Math.abs(z));
                grad[at] = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - y;
                return Math.max(z, 0) - y * z + Math.log(1 + e);
            }
            case HINGE_LOSS -> {
                double s = 2 * y - 1;
                double m = margin - s * z;
                if (m > 0) {
                    grad[at] = -s;
                    return m;
                }
                grad[at] = 0;
                return 0;
            }
            default -> throw new IllegalStateException("softmax_loss takes all class scores: use softmax()");
        }
    }

    /**
     * The softmax cross-entropy of one model's {@code classes} scores {@code scores[from..from+classes)} for class
     * {@code label}; writes the gradient {@code p - onehot(label)} into {@code grad[from..from+classes)} (which may be
     * {@code scores} itself). Stable for any finite scores (the maximum is subtracted first).
     */
    public static double softmax(double[] scores, int from, int classes, int label, double[] grad) {
        double max = scores[from];
        for (int c = 1; c < classes; c++) max = Math.max(max, scores[from + c]);
        double sum = 0;
        for (int c = 0; c < classes; c++) sum += Math.exp(scores[from + c] - max);
        double logSum = Math.log(sum);
        double loss = logSum - (scores[from + label] - max);
        for (int c = 0; c < classes; c++) grad[from + c] = Math.exp(scores[from + c] - max - logSum);
        grad[from + label] -= 1;
        return loss;
    }

    /** {@code 1 / (1 + e^-z)}, without overflow. */
    public static double sigmoid(double z) {
        if (z >= 0) return 1 / (1 + Math.exp(-z));
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** {@code log(1 + e^z)}, without overflow or loss of precision for large {@code |z|}. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
