package io.statewise.algorithms.data;

/**
 * A reusable mini-batch of dense records: features row-major ({@code size x dimension}) in one {@code float[]}, plus
 * labels when the data has them. Readers refill the same batch, so consumers must copy what they keep: the arrays are
 * exposed for speed and owned by the reader.
 */
public final class DenseBatch implements Batch {
    private final int capacity;
    private final int dimension;
    private final float[] features;
    private final float[] labels;
    private int size;

    /**
     * An empty batch.
     *
     * @param capacity  the most records it holds
     * @param dimension features per record
     */
    public DenseBatch(int capacity, int dimension) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        if (dimension < 1) throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        this.capacity = capacity;
        this.dimension = dimension;
        this.features = new float[Math.multiplyExact(capacity, dimension)];
        this.labels = new float[capacity];
    }

    /** A batch holding a copy of the given rows (for tests and small inputs). */
    public static DenseBatch of(float[][] rows) {
        DenseBatch b = new DenseBatch(Math.max(1, rows.length), rows[0].length);
        for (float[] row : rows) {
            System.arraycopy(row, 0, b.features, b.size * b.dimension, b.dimension);
            b.size++;
        }
        return b;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** Records currently held. */
    @Override
    public int size() {
        return size;
    }



    /** Row-major features; only the first {@code size() * dimension()} values are valid. Owned by the batch. */
    public float[] features() {
        return features;
    }

    /** Labels; only the first {@code size()} are valid. Owned by the batch. */
    @Override
    public float[] labels() {
        return labels;
    }

    /** Offset of record {@code i}'s first feature in {@link #features()}. */
    public int offset(int i) {
        return i * dimension;
    }

    /** Empties the batch for refilling. */
    @Override
    public void clear() {
        size = 0;
    }

    /** Marks the next record slot filled (its features and label written by the caller). */
    public void commitRecord() {
        if (size == capacity) throw new IllegalStateException("batch is full");
        size++;
    }
}
