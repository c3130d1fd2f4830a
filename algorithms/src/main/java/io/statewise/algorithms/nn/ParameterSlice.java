package io.statewise.algorithms.nn;

/**
 * A named block of a flat parameter vector: a {@code rows x cols} row-major matrix (a vector has one row) starting at
 * {@code offset}.
 *
 * @param name      for messages and codecs, e.g. {@code "encoder0.weight"}
 * @param offset    index of the first value in the flat vector
 * @param rows      rows, at least 1
 * @param cols      columns, at least 1
 * @param trainable whether optimizers update it (false for buffers such as batch-norm running statistics)
 */
public record ParameterSlice(String name, int offset, int rows, int cols, boolean trainable) {

    public ParameterSlice {
        if (offset < 0 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException(name + ": bad slice " + offset + " / " + rows + " x " + cols);
        }
    }

    /** Values in the slice. */
    public int size() {
        return rows * cols;
    }

    /** One past the last index. */
    public int end() {
        return offset + size();
    }

    /** Index of {@code (row, col)} in the flat vector. */
    public int at(int row, int col) {
        return offset + row * cols + col;
    }
}
