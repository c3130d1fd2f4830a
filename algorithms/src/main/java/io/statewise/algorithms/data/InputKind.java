package io.statewise.algorithms.data;

/**
 * What an algorithm reads: numeric records (dense CSV or sparse LibSVM, as {@link DenseBatch}es or
 * {@link SparseBatch}es), text documents ({@link TextBatch}es) or time series ({@link SeriesBatch}es). A runtime
 * matches a data set's kind against the algorithm's ({@link io.statewise.algorithms.ElasticAlgorithm#inputKinds()})
 * before it starts a job, so a mismatch is a rejected submission rather than a failed job.
 */
public enum InputKind {
    /** Dense or sparse numeric records. */
    NUMERIC,
    /** Tokenized text documents. */
    TEXT,
    /** Whole time series ({@link SeriesBatch}es), for forecasting. */
    SERIES;

    /** The kind of records {@code format} reads. */
    public static InputKind of(DataFormat format) {
        if (format instanceof SeriesFormat) return SERIES;
        return format instanceof TextFormat ? TEXT : NUMERIC;
    }

    /** Lower-case name for messages: {@code numeric}, {@code text} or {@code series}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
