package io.statewise.algorithms.data;

/**
 * The shape of a data set's records.
 *
 * @param features number of feature values per record (for sparse data: the feature space, every index is below it),
 *                 at least 1; 0 for text, whose documents have no feature dimension until a vocabulary maps them
 * @param labeled  whether records carry a label
 * @param sparse   whether records come as {@link SparseBatch}es (LibSVM) rather than {@link DenseBatch}es (CSV), so
 *                 that an algorithm can size its scratch for the batches it will see
 * @param text     whether records are documents that come as {@link TextBatch}es (a {@link TextFormat}); such a
 *                 schema is {@link #TEXT}
 * @param series   whether records are whole time series that come as {@link SeriesBatch}es ;
 *                 such a schema is {@link #SERIES}
 */
public record DataSchema(int features, boolean labeled, boolean sparse, boolean text, boolean series) {

    /** The schema of text documents: no features, no label. */
    public static final DataSchema TEXT = new DataSchema(0, false, false, true, false);

    /** The schema of time series: no fixed features (each series carries its own length), no label. */
    public static final DataSchema SERIES = new DataSchema(0, false, false, false, true);

    public DataSchema {
        if (text || series) {
            if (features != 0 || labeled || sparse || (text && series)) {
                throw new IllegalArgumentException("a text or series schema has no features, label or sparsity");
            }
        } else if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features);
        }
    }

    /** A numeric or text schema (not series). */
    public DataSchema(int features, boolean labeled, boolean sparse, boolean text) {
        this(features, labeled, sparse, text, false);
    }

    /** A numeric schema. */
    public DataSchema(int features, boolean labeled, boolean sparse) {
        this(features, labeled, sparse, false);
    }

    /** A dense schema: records come as {@link DenseBatch}es. */
    public DataSchema(int features, boolean labeled) {
        this(features, labeled, false);
    }


    /** The kind of records this schema describes. */
    public InputKind kind() {
        return series ? InputKind.SERIES : text ? InputKind.TEXT : InputKind.NUMERIC;
    }
}
