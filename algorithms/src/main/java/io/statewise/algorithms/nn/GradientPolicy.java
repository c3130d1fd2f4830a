package io.statewise.algorithms.nn;

/**
 * What an optimizer does to a raw gradient before its update rule, in MXNet's order: rescale, clip each element, then
 * add weight decay: {@code g = clip(rescale * grad, -clip, clip) + weightDecay * w}.
 *
 * @param rescale     multiplies the gradient, {@code > 0}
 * @param clip        element-wise bound, {@code > 0}; {@code +inf} for none
 * @param weightDecay L2 coefficient, {@code >= 0}
 */
public record GradientPolicy(double rescale, double clip, double weightDecay) {

    /** No rescaling, clipping or decay. */
    public static final GradientPolicy NONE = new GradientPolicy(1, Double.POSITIVE_INFINITY, 0);

    public GradientPolicy {
        if (!(rescale > 0) || !(clip > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("rescale " + rescale + ", clip " + clip + ", weight decay "
                    + weightDecay);
        }
    }

    /** Whether {@code values[0..count)} are all finite: a step on a NaN or infinite gradient would ruin the weights. */
    public static boolean allFinite(float[] values, int count) {
        for (int i = 0; i < count; i++) {
            if (!Float.isFinite(values[i])) return false;
        }
        return true;
    }

    /** The gradient the update rule sees for raw gradient {@code grad} of weight {@code w}. */
    public double apply(float grad, float w) {
        double g = rescale * grad;
        if (g > clip) g = clip;
        else if (g < -clip) g = -clip;
        return g + weightDecay * w;
    }
}
