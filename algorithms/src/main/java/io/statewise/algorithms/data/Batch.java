package io.statewise.algorithms.data;

/**
 * A reusable mini-batch of records, dense ({@link DenseBatch}) or sparse ({@link SparseBatch}). Readers refill the
 * same batch, so consumers must copy what they keep: arrays are exposed for speed and owned by the batch.
 */
public sealed interface Batch permits DenseBatch, SparseBatch {

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
}
