package io.statewise.algorithms.linear;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;

/**
 * The non-zeros of one batch in both compressed row (CSR) and compressed column (CSC) order, rebuilt for every batch
 * into reused arrays: rows feed the scores {@code X A} (each record's non-zeros), columns the gradient {@code X^T G}
 * (each feature's non-zeros), so that both products keep one output row in the innermost loop and read four inputs
 * per stored value ({@link PackedKernel}). Dense batches are read through the same layout, skipping zeros, so dense
 * and sparse forms of the same records go through the same arithmetic in the same order and agree bit for bit;
 * except nearly dense batches (at most {@value #ZEROS_KEPT_PER_MILLE} per mille zeros, the usual real-valued data),
 * which keep their few zeros as stored values in the full pattern: they are exact, but group their sums differently
 * from their sparse form, so the two agree only up to rounding.
 *
 * <p>Copies the batch's values (O(non-zeros), small against the O(non-zeros x models) products) and keeps no
 * reference to the batch. Mutable, single-threaded.
 */
final class BatchLayout {

    /** Records per block of the dense transpose: a block's rows stay in L1 cache while its columns are written. */
    private static final int TRANSPOSE_BLOCK = 64;
    /**
     * Zeros, per mille of a dense batch's values, that the full pattern still stores: a real-valued feature rounded to
     * a few decimals is sometimes exactly 0, and one such zero would otherwise send the batch through the scatter
     * transpose of sparse data.
     */
    private static final int ZEROS_KEPT_PER_MILLE = 10;

    private final int dimension;
    int records;
    int[] rowStart = new int[1];
    int[] rowIndex = new int[0];
    double[] rowValue = new double[0];
    final int[] columnStart;
    int[] columnRecord = new int[0];
    double[] columnValue = new double[0];
    private final int[] fill;
    /** Records of the fixed index pattern {@link #loadFull} left in the index arrays, or -1 if they hold another. */
    private int patternRecords = -1;

    /** A layout for batches of {@code dimension} features. */
    BatchLayout(int dimension) {
        this.dimension = dimension;
        this.columnStart = new int[dimension + 1];
        this.fill = new int[dimension];
    }

    /** Reads the batch's non-zeros. */
    void load(Batch batch) {
        int n = batch.size();
        records = n;
        if (rowStart.length < n + 1) rowStart = new int[n + 1];
        if (batch instanceof DenseBatch dense) {
            float[] x = dense.features();
            int d = dense.dimension();
            int values = n * d;
            int nnz = countNonZeros(x, values);
            if ((long) (values - nnz) * 1000 <= (long) values * ZEROS_KEPT_PER_MILLE) {
                ensure(values);
                loadFull(x, n, d);
            } else {
                ensure(nnz);
                loadDense(x, n, d);
            }
        } else {
            loadSparse((SparseBatch) batch, n);
        }
    }

    /**
     * A nearly dense batch, zeros stored: every record has all {@code d} features and every feature all {@code n}
     * records, so both index patterns are fixed by {@code (n, d)} and only the values are copied, the columns by a
     * plain blocked transpose. Without zeros these are the general path's arrays, hence its arithmetic.
     */
    private void loadFull(float[] x, int n, int d) {
        if (patternRecords != n) {
            for (int i = 0; i <= n; i++) rowStart[i] = i * d;
            for (int j = 0; j <= d; j++) columnStart[j] = j * n;
            for (int i = 0, p = 0; i < n; i++) {
                for (int j = 0; j < d; j++, p++) rowIndex[p] = j;
            }
            for (int j = 0, p = 0; j < d; j++) {
                for (int i = 0; i < n; i++, p++) columnRecord[p] = i;
            }
            patternRecords = n;
        }
        int nd = n * d;
        for (int p = 0; p < nd; p++) rowValue[p] = x[p];
        for (int i0 = 0; i0 < n; i0 += TRANSPOSE_BLOCK) {
            int i1 = Math.min(n, i0 + TRANSPOSE_BLOCK);
            for (int j = 0; j < d; j++) {
                int to = j * n;
                for (int i = i0; i < i1; i++) columnValue[to + i] = x[i * d + j];
            }
        }
    }

    private void loadDense(float[] x, int n, int d) {
        patternRecords = -1;
        int nnz = 0;
        for (int i = 0; i < n; i++) {
            rowStart[i] = nnz;
            int o = i * d;
            for (int j = 0; j < d; j++) {
                float v = x[o + j];
                if (v == 0) continue;
                rowIndex[nnz] = j;
                rowValue[nnz++] = v;
            }
        }
        rowStart[n] = nnz;
        transpose(nnz);
    }

    private void loadSparse(SparseBatch sparse, int n) {
        patternRecords = -1;
        int[] start = sparse.rowStart();
        int[] indices = sparse.indices();
        float[] values = sparse.values();
        ensure(start[n]);
        int nnz = 0;
        for (int i = 0; i < n; i++) {
            rowStart[i] = nnz;
            for (int p = start[i]; p < start[i + 1]; p++) {
                if (values[p] == 0) continue;
                rowIndex[nnz] = indices[p];
                rowValue[nnz++] = values[p];
            }
        }
        rowStart[n] = nnz;
        transpose(nnz);
    }

    private static int countNonZeros(float[] x, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (x[i] != 0) count++;
        }
        return count;
    }

    private void ensure(int nnz) {
        if (rowIndex.length < nnz) {
            patternRecords = -1;
            rowIndex = new int[nnz];
            rowValue = new double[nnz];
            columnRecord = new int[nnz];
            columnValue = new double[nnz];
        }
    }

    /** Builds the CSC arrays from the CSR ones: records ascending within each column. */
    private void transpose(int nnz) {
        java.util.Arrays.fill(columnStart, 0);
        for (int p = 0; p < nnz; p++) columnStart[rowIndex[p] + 1]++;
        for (int j = 0; j < dimension; j++) columnStart[j + 1] += columnStart[j];
        System.arraycopy(columnStart, 0, fill, 0, dimension);
        for (int i = 0; i < records; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                int at = fill[rowIndex[p]]++;
                columnRecord[at] = i;
                columnValue[at] = rowValue[p];
            }
        }
    }
}
