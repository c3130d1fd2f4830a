package io.statewise.algorithms.data;

/**
 * How to read a LibSVM (SVMlight) file: {@code label index:value index:value ...} per line, sparse records read by
 * {@link LibSvmSplitReader} into {@link SparseBatch}es. The only choice is the index base: LibSVM's tools write
 * 1-based indices (the default), some exporters 0-based ones. Records always carry a label (the first token).
 *
 * <p>The feature dimension is not part of the format: it cannot be read from a record (a record lists only its
 * non-zeros), so it is declared with the data and passed to readers through the {@link DataSchema}.
 *
 * @param zeroBased whether feature indices start at 0 rather than 1
 */
public record LibSvmFormat(boolean zeroBased) implements DataFormat {

    /** 1-based indices, as written by LibSVM's and SVMlight's tools. */
    public static LibSvmFormat defaults() {
        return new LibSvmFormat(false);
    }

    /** True: a LibSVM record starts with its label. */
    @Override
    public boolean labeled() {
        return true;
    }

    /** True: one record per line. */
    @Override
    public boolean linesAreRecords() {
        return true;
    }

    /** True: LibSVM records list their non-zeros. */
    @Override
    public boolean sparse() {
        return true;
    }

    /** A {@link LibSvmSplitReader} whose indices must stay below {@code schema.features()}. */
    @Override
    public LibSvmSplitReader open(Split split, DataSchema schema, long maxBadRecords) {
        return new LibSvmSplitReader(split, this, schema.features(), maxBadRecords);
    }

    /** A {@link SparseBatch} over {@code schema.features()} features. */
    @Override
    public SparseBatch newBatch(int capacity, DataSchema schema) {
        return new SparseBatch(capacity, schema.features());
    }

    /** The lowest valid index in a file: 0 or 1. */
    public int firstIndex() {
        return zeroBased ? 0 : 1;
    }
}
