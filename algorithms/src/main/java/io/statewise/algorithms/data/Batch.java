package io.statewise.algorithms.data;

/**
 * A reusable mini-batch of records: dense ({@link DenseBatch}) or sparse ({@link SparseBatch}) numeric records,
 * tokenized documents ({@link TextBatch}) or whole time series ({@link SeriesBatch}). Readers refill the same batch,
 * so consumers must copy what they keep: arrays are exposed for speed and owned by the batch.
 */
public sealed interface Batch permits DenseBatch, SparseBatch, TextBatch, SeriesBatch {

    /** The most records it holds. */
    int capacity();

    /** Features per record (for sparse batches: the feature space; indices are below it). */
    int dimension();

    /** Records currently held. */
    int size();

    /** Labels; only the first {@code size()} are valid. Owned by the batch. */
    float[] labels();

    /** Empties the batch for refilling. */
    void clear();

    default boolean isEmpty() {
        return size() == 0;
    }

    default boolean isFull() {
        return size() == capacity();
    }

    /**
     * Rejects a {@link TextBatch} given to a numeric algorithm with a message that says what to do, where the
     * algorithm would otherwise fail on a dimension mismatch or a cast. Numeric algorithms call it first thing.
     *
     * @param batch  any batch. Not modified.
     * @param reader what reads it, for the message (e.g. {@code "kmeans"})
     * @throws IllegalArgumentException if {@code batch} is a {@link TextBatch}
     */
    static void requireNumeric(Batch batch, String reader) {
        if (batch instanceof SeriesBatch) {
            throw new IllegalArgumentException(reader + " reads numeric records, not a SeriesBatch of time series: "
                    + "time series are read by forecasting algorithms (deepar)");
        }
        if (batch instanceof TextBatch) {
            throw new IllegalArgumentException(reader + " reads numeric records, not a TextBatch of documents: "
                    + "convert text to bag-of-words counts over a vocabulary first (text.BagOfWords)");
        }
    }
}
