package io.statewise.algorithms.linear;

import java.util.Arrays;

/**
 * The two matrix products of a packed step over a {@link BatchLayout}: scores {@code S = X A + 1 c^T} of every record
 * under every packed model, and the weight gradient {@code R = X^T G}. {@code A}, {@code R} (one row per feature) and
 * {@code S}, {@code G} (one row per record) hold {@code width = models x outputs} values per row, so every inner loop
 * runs over all models of one feature or one record: the batch is read once for all models, and a packed model costs
 * a few vectorized multiply-adds per non-zero rather than another pass over the data.
 *
 * <p>Rows are separate arrays and every inner loop indexes them all by the same {@code k}: HotSpot's C2 (JDK 17)
 * vectorizes such loops, but not loops that read and write one flat array at different offsets, which it cannot
 * prove independent. Each inner loop stores one output row and reads four inputs per store (four non-zeros of a
 * record for the scores, four records of a feature for the gradient), which measured fastest. Sums run in a fixed
 * order (non-zeros by feature, records by index, in groups of four), so results depend only on the non-zeros.
 */
final class PackedKernel {

    private PackedKernel() {}

    /**
     * {@code scores[i][k] = offset[k] + sum_j x_ij a[j][k]} for the layout's records.
     *
     * @param a      {@code d} rows of {@code width} weights on raw features. Not modified.
     * @param offset {@code width} offsets. Not modified.
     * @param scores at least {@code n} rows of at least {@code width}; overwritten
     */
    static void scores(BatchLayout x, double[][] a, double[] offset, int width, double[][] scores) {
        if (width == 1) {
            singleScores(x, a, offset[0], scores);
            return;
        }
        int[] start = x.rowStart;
        int[] index = x.rowIndex;
        double[] value = x.rowValue;
        for (int i = 0; i < x.records; i++) {
            double[] row = scores[i];
            System.arraycopy(offset, 0, row, 0, width);
            int p = start[i];
            int end = start[i + 1];
            for (; p + 3 < end; p += 4) {
                double v0 = value[p];
                double v1 = value[p + 1];
                double v2 = value[p + 2];
                double v3 = value[p + 3];
                double[] a0 = a[index[p]];
                double[] a1 = a[index[p + 1]];
                double[] a2 = a[index[p + 2]];
                double[] a3 = a[index[p + 3]];
                for (int k = 0; k < width; k++) {
                    row[k] += (v0 * a0[k] + v1 * a1[k]) + (v2 * a2[k] + v3 * a3[k]);
                }
            }
            for (; p < end; p++) {
                double v = value[p];
                double[] ar = a[index[p]];
                for (int k = 0; k < width; k++) row[k] += v * ar[k];
            }
        }
    }

    /**
     * {@code gradient[j][k] = sum_i x_ij g[i][k]} and {@code columnSums[k] = sum_i g[i][k]} (both overwritten).
     *
     * @param g the batch's score gradients, one row per record. Not modified.
     */
    static void gradient(BatchLayout x, double[][] g, int width, double[][] gradient, double[] columnSums) {
        if (width == 1) {
            singleGradient(x, g, gradient, columnSums);
            return;
        }
        Arrays.fill(columnSums, 0);
        for (int i = 0; i < x.records; i++) {
            double[] row = g[i];
            for (int k = 0; k < width; k++) columnSums[k] += row[k];
        }
        int[] start = x.columnStart;
        int[] record = x.columnRecord;
        double[] value = x.columnValue;
        for (int j = 0; j < gradient.length; j++) {
            double[] out = gradient[j];
            Arrays.fill(out, 0);
            int p = start[j];
            int end = start[j + 1];
            for (; p + 3 < end; p += 4) {
                double v0 = value[p];
                double v1 = value[p + 1];
                double v2 = value[p + 2];
                double v3 = value[p + 3];
                double[] g0 = g[record[p]];
                double[] g1 = g[record[p + 1]];
                double[] g2 = g[record[p + 2]];
                double[] g3 = g[record[p + 3]];
                for (int k = 0; k < width; k++) {
                    out[k] += (v0 * g0[k] + v1 * g1[k]) + (v2 * g2[k] + v3 * g3[k]);
                }
            }
            for (; p < end; p++) {
                double v = value[p];
                double[] gr = g[record[p]];
                for (int k = 0; k < width; k++) out[k] += v * gr[k];
            }
        }
    }

    /**
     * {@link #scores} of a lone model: a dot product per record. Kept apart so that a one-model configuration neither
     * runs through the packed loops nor trains the JIT's loop profile of the packed kernel on one-element rows. Adds
     * in the packed kernel's order (groups of four), so a model computes the same bits alone or packed.
     */
    private static void singleScores(BatchLayout x, double[][] a, double offset, double[][] scores) {
        int[] start = x.rowStart;
        int[] index = x.rowIndex;
        double[] value = x.rowValue;
        for (int i = 0; i < x.records; i++) {
            double s = offset;
            int p = start[i];
            int end = start[i + 1];
            for (; p + 3 < end; p += 4) {
                s += (value[p] * a[index[p]][0] + value[p + 1] * a[index[p + 1]][0])
                        + (value[p + 2] * a[index[p + 2]][0] + value[p + 3] * a[index[p + 3]][0]);
            }
            for (; p < end; p++) s += value[p] * a[index[p]][0];
            scores[i][0] = s;
        }
    }

    /** {@link #gradient} of a lone model: a dot product per feature, in the packed kernel's order. */
    private static void singleGradient(BatchLayout x, double[][] g, double[][] gradient, double[] columnSums) {
        double sum = 0;
        for (int i = 0; i < x.records; i++) sum += g[i][0];
        columnSums[0] = sum;
        int[] start = x.columnStart;
        int[] record = x.columnRecord;
        double[] value = x.columnValue;
        for (int j = 0; j < gradient.length; j++) {
            double s = 0;
            int p = start[j];
            int end = start[j + 1];
            for (; p + 3 < end; p += 4) {
                s += (value[p] * g[record[p]][0] + value[p + 1] * g[record[p + 1]][0])
                        + (value[p + 2] * g[record[p + 2]][0] + value[p + 3] * g[record[p + 3]][0]);
            }
            for (; p < end; p++) s += value[p] * g[record[p]][0];
            gradient[j][0] = s;
        }
    }

    /**
     * The weights and offsets on raw features of parameters trained on normalized features
     * {@code x' = (x - shift) / scale}: {@code a[j][k] = w[j, k] / scale[j]} and
     * {@code offset[k] = w[d, k] - sum_j a[j][k] shift[j]}, so that {@code x' . w + b = x . a + offset}.
     *
     * @param w {@code (d + 1) x width} parameters, row-major, row {@code d} the biases. Not modified.
     */
    static void onRawFeatures(float[] w, double[] shift, double[] scale, int width, double[][] a, double[] offset) {
        int d = a.length;
        for (int k = 0; k < width; k++) offset[k] = w[d * width + k];
        for (int j = 0; j < d; j++) {
            double[] row = a[j];
            int o = j * width;
            double s = scale[j];
            double sh = shift[j];
            for (int k = 0; k < width; k++) {
                double v = w[o + k] / s;
                row[k] = v;
                offset[k] -= v * sh;
            }
        }
    }
}
