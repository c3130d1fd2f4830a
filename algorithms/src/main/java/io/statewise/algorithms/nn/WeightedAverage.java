package io.statewise.algorithms.nn;

/**
 * The arithmetic of local SGD with a parameter server (McMahan et al., AISTATS 2017): partial training runs merge by
 * an example-weighted average of their parameter vectors, and the server adds the merged change to its parameters.
 * Written symmetrically and in double before rounding, so a merge is bit-for-bit commutative and one worker
 * reproduces plain mini-batch training exactly.
 */
public final class WeightedAverage {

    private WeightedAverage() {}

    /** {@code (na a + nb b) / (na + nb)}, element-wise; equal weights when both are 0. Neither input is modified. */
    public static float[] of(float[] a, double na, float[] b, double nb) {
        if (na + nb == 0) {
            na = 1;
            nb = 1;
        }
        double n = na + nb;
        float[] out = new float[a.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) ((na * a[i] + nb * b[i]) / n);
        return out;
    }

    /** {@code previous + weight (params - base)} over the prefix {@code [0, count)}, in a copy of {@code previous}. */
    public static float[] addChange(float[] previous, float[] params, float[] base, int count, double weight) {
        float[] out = previous.clone();
        for (int i = 0; i < count; i++) {
            out[i] = (float) ((double) previous[i] + weight * ((double) params[i] - base[i]));
        }
        return out;
    }
}
