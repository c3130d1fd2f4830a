package io.statewise.algorithms.data;

/**
 * The shape of a data set's records.
 *
 * @param features number of feature values per record (for sparse data: the feature space, every index is below it),
 *                 at least 1
 * @param labeled  whether records carry a label
 * @param sparse   whether records come as {@link SparseBatch}es (LibSVM) rather than {@link DenseBatch}es (CSV), so
 *                 that an algorithm can size its scratch for the batches it will see
 */
public record DataSchema(int features, boolean labeled, boolean sparse) {
    public DataSchema {
        if (features < 1) throw new IllegalArgumentException("features must be >= 1, got " + features);
    }

    /** A dense schema: records come as {@link DenseBatch}es. */
    public DataSchema(int features, boolean labeled) {
        this(features, labeled, false);
    }
}
