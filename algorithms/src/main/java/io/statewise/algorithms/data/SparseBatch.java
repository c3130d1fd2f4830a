package io.statewise.algorithms.data;

import java.util.Arrays;

/**
 * A reusable mini-batch of sparse records in compressed sparse row (CSR) form: the non-zeros of record {@code i} are
 * {@code indices[rowStart[i]..rowStart[i+1])} (strictly increasing) with their {@code values}. The non-zero arrays grow
 * as needed and are then reused, so a steady stream allocates nothing.
 */
public final class SparseBatch implements Batch {
    private final int capacity;
    private final int dimension;
    private final int[] rowStart;
    private final float[] labels;
    private int[] indices;
    private float[] values;
    private int size;
    private int nnz;

    /**
     * An empty batch.
     *
     * @param capacity  the most records it holds
     * @param dimension the feature space; every index is below it
     */
    public SparseBatch(int capacity, int dimension) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        if (dimension < 1) throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        this.capacity = capacity;
        this.dimension = dimension;
        this.rowStart = new int[capacity + 1];
        this.labels = new float[capacity];
        this.indices = new int[Math.max(16, capacity * 8)];
        this.values = new float[indices.length];
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public float[] labels() {
        return labels;
    }

    @Override
    public void clear() {
        size = 0;
        nnz = 0;
    }

    /** Row starts: record {@code i} spans {@code rowStart()[i]..rowStart()[i+1]}. Owned by the batch. */
    public int[] rowStart() {
        return rowStart;
    }

    /** Feature indices of the non-zeros. Owned by the batch; may be replaced when it grows. */
    public int[] indices() {
        return indices;
    }

    /** Values of the non-zeros. Owned by the batch; may be replaced when it grows. */
    public float[] values() {
        return values;
    }

    /** Non-zeros held. */
    public int nonZeros() {
        return nnz;
    }

    /**
     * Appends one non-zero to the record being built (record {@code size()}). The caller appends indices in strictly
     * increasing order, each below {@link #dimension()}.
     */
    public void add(int index, float value) {
        if (nnz == indices.length) {
            indices = Arrays.copyOf(indices, indices.length * 2);
            values = Arrays.copyOf(values, values.length * 2);
        }
        indices[nnz] = index;
        values[nnz] = value;
        nnz++;
    }

    /**
     * Makes room for {@code more} non-zeros beyond those held, growing the arrays if needed, so that a reader can
     * write a record's non-zeros straight into {@link #indices()} and {@link #values()} (fetched after this call)
     * and end it with {@link #commitRecord(float, int)}.
     */
    void reserve(int more) {
        long needed = (long) nnz + more;
        if (needed > indices.length) {
            int length = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * indices.length));
            if (length < needed) throw new IllegalStateException("too many non-zeros in one batch: " + needed);
            indices = Arrays.copyOf(indices, length);
            values = Arrays.copyOf(values, length);
        }
    }

    /**
     * Ends the record being built whose non-zeros the caller wrote into the arrays, after {@link #reserve}, up to
     * offset {@code end}.
     */
    void commitRecord(float label, int end) {
        if (end < nnz || end > indices.length) {
            throw new IllegalArgumentException("non-zeros end " + end + " outside [" + nnz + ", "
                    + indices.length + "]");
        }
        nnz = end;
        commitRecord(label);
    }

    /** Ends the record being built, with its label. */
    public void commitRecord(float label) {
        if (size == capacity) throw new IllegalStateException("batch is full");
        labels[size] = label;
        size++;
        rowStart[size] = nnz;
    }

    /** Drops the non-zeros appended to the record being built (after a malformed record). */
    public void abandonRecord() {
        nnz = rowStart[size];
    }
}
