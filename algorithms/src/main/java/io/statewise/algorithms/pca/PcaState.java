package io.statewise.algorithms.pca;

import io.statewise.algorithms.State;
import io.statewise.algorithms.data.SparseBatch;

/**
 * The PCA summary of the records seen: their count, sum and sum of squared norms (for the mean and the total
 * variance), and the mode's {@link CovarianceSummary} of their second moment (the exact scatter matrix, a Frequent
 * Directions sketch or a random-sign sketch). The size is fixed by the mode, the sketch rows and {@code d}:
 * {@link #serializedSize()} never depends on {@link #records()}.
 *
 * <p>Mutable and confined to one thread; the summaries' update scratch is allocated on first use and never encoded.
 */
public final class PcaState implements State {

    private final PcaMode mode;
    private final int dimension;
    final CovarianceSummary summary;
    /** The sum of the rows. */
    final double[] sum;
    /** The sum of the rows' squared Euclidean norms: the trace of {@code A^T A}. */
    double sumSquares;
    long records;

    /**
     * An empty state.
     *
     * @param mode      the mode {@code summary} implements
     * @param dimension features per record, at least 1
     * @param summary   an empty summary of {@code dimension} features. Owned by the state from now on.
     */
    PcaState(PcaMode mode, int dimension, CovarianceSummary summary) {
        if (dimension < 1) throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        this.mode = mode;
        this.dimension = dimension;
        this.summary = summary;
        this.sum = new double[dimension];
    }

    /** The mode this state was built for. */
    public PcaMode mode() {
        return mode;
    }

    /** Features per record. */
    public int dimension() {
        return dimension;
    }

    /**
     * The most components a model of this state can have: {@code d} in regular mode, the sketch's {@code l} in
     * sketch mode, {@code min(m, d)} in randomized mode.
     */
    public int capacity() {
        return summary.capacity();
    }

    @Override
    public long records() {
        return records;
    }

    @Override
    public long serializedSize() {
        return PcaStateCodec.encodedSize(this);
    }

    /** The mean of the rows seen; zeros before any. A new array. */
    public double[] mean() {
        double[] mean = new double[dimension];
        if (records > 0) {
            for (int j = 0; j < dimension; j++) mean[j] = sum[j] / records;
        }
        return mean;
    }

    /** Adds {@code rows} dense records (row-major in {@code x}) to the sums and the summary. */
    void addDense(float[] x, int rows) {
        int d = dimension;
        double squares = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * d;
            for (int j = 0; j < d; j++) {
                double v = x[o + j];
                sum[j] += v;
                squares += v * v;
            }
        }
        summary.addDense(x, rows, records);
        sumSquares += squares;
        records += rows;
    }

    /** Adds every record of a sparse batch; the sums touch only the non-zeros. */
    void addSparse(SparseBatch batch) {
        int[] idx = batch.indices();
        float[] val = batch.values();
        int nnz = batch.rowStart()[batch.size()];
        double squares = 0;
        for (int p = 0; p < nnz; p++) {
            double v = val[p];
            sum[idx[p]] += v;
            squares += v * v;
        }
        summary.addSparse(batch, records);
        sumSquares += squares;
        records += batch.size();
    }

    @Override
    public String toString() {
        return "PcaState[mode=" + mode.parameterValue() + ", dimension=" + dimension + ", capacity=" + capacity()
                + ", records=" + records + "]";
    }
}
