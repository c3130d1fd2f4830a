package io.statewise.algorithms.data;

/**
 * The shape of a data set's records.
 *
 * @param features number of feature values per record (for sparse data: the feature space, every index is below it),
 *                 at least 1; not used for text, whose documents have no feature space
 * @param labeled  whether records carry a label
 * @param sparse   whether records come as {@link SparseBatch}es (LibSVM) rather than {@link DenseBatch}es (CSV), so
 *                 that an algorithm can size its scratch for the batches it will see
 * @param text     whether records are tokenized documents in {@link TextBatch}es (a {@link TextFormat}): an algorithm
 *                 that reads bags of words builds its vocabulary first
 */
public record DataSchema(int features, boolean labeled, boolean sparse, boolean text) {
    public DataSchema {
        if (features < 1) throw new IllegalArgumentException("features must be >= 1, got " + features);
        if (text && sparse) throw new IllegalArgumentException("text records are not sparse records");
    }

    /** A numeric schema: dense or sparse records. */
    public DataSchema(int features, boolean labeled, boolean sparse) {
        this(features, labeled, sparse, false);
    }

    /** A dense schema: records come as {@link DenseBatch}es. */
    public DataSchema(int features, boolean labeled) {
        this(features, labeled, false);
    }

    /** The schema of unlabeled tokenized documents (the feature count, 1, means nothing). */
    public static DataSchema ofText() {
        return new DataSchema(1, false, false, true);
    }
}
