package io.statewise.algorithms.kmeans;

import java.util.Arrays;

/**
 * Points stored column by column (one array per coordinate), for the weighted clustering of merge and finalize.
 *
 * <p>Why this shape: k-means++ seeding, Lloyd's assignment and Hartigan's moves all need the distances of one query
 * (a candidate, a center, a point) to many rows. Row by row that is one short dot-product-like loop per row, which
 * the JIT leaves scalar; column by column it is {@code d} passes of {@code out[i] += (col[i] - q)^2} over contiguous
 * doubles, which it turns into SIMD instructions. A merge of two k-means states spends most of its time there, on
 * the job's thread, so this is what keeps a merge cheap next to the workers' data pass.
 *
 * <p>Each distance is summed over coordinates in order, in double: deterministic, and within rounding of
 * {@link io.statewise.algorithms.linalg.DistanceOps}. Mutable through {@link #setRow}; confined to one thread.
 */
final class PointColumns {

    private final double[][] columns;
    private final int rows;

    /**
     * The first {@code rows} rows of a row-major array, copied.
     *
     * @param rowMajor at least {@code rows * d} values. Not modified.
     * @param rows     number of rows
     * @param d        coordinates per row, at least 1
     */
    PointColumns(double[] rowMajor, int rows, int d) {
        this.rows = rows;
        this.columns = new double[d][rows];
        for (int i = 0; i < rows; i++) setRow(i, rowMajor, i * d);
    }

    /** Replaces row {@code i} by {@code source[off .. off + d)}. */
    void setRow(int i, double[] source, int off) {
        for (int t = 0; t < columns.length; t++) columns[t][i] = source[off + t];
    }

    /**
     * Writes the squared distance of every row to the query {@code q[qOff .. qOff + d)} to {@code out[0 .. rows)}.
     *
     * @param q    the query's array. Not modified.
     * @param qOff the query's offset
     * @param out  at least {@code rows} values. Modified.
     */
    void squaredDistances(double[] q, int qOff, double[] out) {
        final int n = rows;
        Arrays.fill(out, 0, n, 0.0);
        for (int t = 0; t < columns.length; t++) {
            final double c = q[qOff + t];
            final double[] col = columns[t];
            for (int i = 0; i < n; i++) {
                double e = col[i] - c;
                out[i] += e * e;
            }
        }
    }
}
