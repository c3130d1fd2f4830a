package io.statewise.algorithms.nn;

/** Row-wise softmax and log-softmax of {@code n x m} blocks, stable against overflow (the row maximum is shifted). */
public final class Softmax {

    private Softmax() {}

    /** {@code out[i, :] = softmax(z[i, :])}; {@code out} may be {@code z}. */
    public static void rows(float[] z, int n, int m, float[] out) {
        for (int i = 0; i < n; i++) {
            int off = i * m;
            float max = rowMax(z, off, m);
            double sum = 0;
            for (int j = 0; j < m; j++) {
                float e = (float) Math.exp(z[off + j] - max);
                out[off + j] = e;
                sum += e;
            }
            float inv = (float) (1 / sum);
            for (int j = 0; j < m; j++) out[off + j] *= inv;
        }
    }

    /** {@code out[i, :] = log softmax(z[i, :]) = z - logsumexp(z)}; {@code out} may be {@code z}. */
    public static void logRows(float[] z, int n, int m, float[] out) {
        for (int i = 0; i < n; i++) {
            int off = i * m;
            float lse = (float) logSumExp(z, off, m);
            for (int j = 0; j < m; j++) out[off + j] = z[off + j] - lse;
        }
    }

    /** {@code log sum_j exp(z[off + j])} over {@code m} values, in double. */
    public static double logSumExp(float[] z, int off, int m) {
        float max = rowMax(z, off, m);
        double sum = 0;
        for (int j = 0; j < m; j++) sum += Math.exp(z[off + j] - max);
        return max + Math.log(sum);
    }

    /**
     * Backward of {@code p = softmax(z)}: {@code dz = p (dp - sum_j dp_j p_j)} row by row; {@code dz} may be
     * {@code dp}.
     */
    public static void backward(float[] p, float[] dp, int n, int m, float[] dz) {
        for (int i = 0; i < n; i++) {
            int off = i * m;
            double dot = 0;
            for (int j = 0; j < m; j++) dot += (double) dp[off + j] * p[off + j];
            for (int j = 0; j < m; j++) dz[off + j] = (float) (p[off + j] * (dp[off + j] - dot));
        }
    }

    /**
     * Backward of {@code l = log softmax(z)} given {@code p = softmax(z)}: {@code dz = dl - p sum_j dl_j} row by row;
     * {@code dz} may be {@code dl}.
     */
    public static void logBackward(float[] p, float[] dl, int n, int m, float[] dz) {
        for (int i = 0; i < n; i++) {
            int off = i * m;
            double sum = 0;
            for (int j = 0; j < m; j++) sum += dl[off + j];
            for (int j = 0; j < m; j++) dz[off + j] = (float) (dl[off + j] - p[off + j] * sum);
        }
    }

    private static float rowMax(float[] z, int off, int m) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) max = Math.max(max, z[off + j]);
        return max;
    }
}
