package io.statewise.algorithms.data;

/**
 * The shape of a data set's records.
 *
 * @param features number of feature values per record, at least 1
 * @param labeled  whether records carry a label
 */
public record DataSchema(int features, boolean labeled) {
    public DataSchema {
        if (features < 1) throw new IllegalArgumentException("features must be >= 1, got " + features);
    }
}
