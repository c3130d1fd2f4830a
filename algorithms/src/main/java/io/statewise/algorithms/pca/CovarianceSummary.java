package io.statewise.algorithms.pca;

import io.statewise.algorithms.data.SparseBatch;

/**
 * The part of a {@link PcaState} that summarizes the second moment {@code A^T A} of the rows seen; the count, the
 * sum of the rows and the sum of their squared norms live in the state itself. One implementation per
 * {@link PcaMode}. Fixed size for a given shape, mutable, confined to one thread.
 */
sealed interface CovarianceSummary permits ExactScatter, FrequentDirections, SignSketch {

    /** The most principal components {@link #spectrum} can extract. */
    int capacity();

    /**
     * Adds dense rows.
     *
     * @param x           row-major records, {@code rows x d}. Not modified, not retained.
     * @param rows        records to add
     * @param firstRecord position of the first of them in this summary's stream (records added before)
     */
    void addDense(float[] x, int rows, long firstRecord);

    /**
     * Adds every record of a sparse batch, touching only its non-zeros where the summary allows.
     *
     * @param batch       records of dimension {@code d}. Not modified, not retained.
     * @param firstRecord position of its first record in this summary's stream
     */
    void addSparse(SparseBatch batch, long firstRecord);

    /** An empty summary of the same shape; randomized summaries derive their randomness from this one's and seed. */
    CovarianceSummary emptyLike(long seed);

    /**
     * A new summary of the records of both; neither is modified.
     *
     * @throws IllegalArgumentException if {@code other} has another type or shape
     */
    CovarianceSummary merge(CovarianceSummary other);

    /**
     * The top {@code k} principal directions and the scatter along them. Does not modify the summary.
     *
     * @param n            records summarized
     * @param sum          the sum of the records. Not modified.
     * @param sumSquares   the sum of the records' squared norms
     * @param subtractMean whether to center: use {@code A_c^T A_c = A^T A - n mu mu^T}
     * @param k            components, {@code 1 <= k <= capacity()}
     */
    Spectrum spectrum(long n, double[] sum, double sumSquares, boolean subtractMean, int k);
}
