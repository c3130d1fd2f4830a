package io.statewise.algorithms.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The layout of a flat parameter vector: named slices, the trainable ones first and the buffers (values that are
 * kept and averaged but not trained, such as running statistics) after them, so that an optimizer works on the
 * prefix {@code [0, trainableSize())} only. Immutable.
 */
public final class ParameterLayout {

    private final List<ParameterSlice> slices;
    private final int trainableSize;
    private final int size;

    private ParameterLayout(List<ParameterSlice> slices, int trainableSize, int size) {
        this.slices = Collections.unmodifiableList(slices);
        this.trainableSize = trainableSize;
        this.size = size;
    }

    /** A builder: declare trainable blocks and buffers in any order; offsets are assigned by {@link Builder#build}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every slice, trainable ones first, each group in declaration order. */
    public List<ParameterSlice> slices() {
        return slices;
    }

    /** Length of the trainable prefix. */
    public int trainableSize() {
        return trainableSize;
    }

    /** Length of the whole vector. */
    public int size() {
        return size;
    }

    /** The slice named {@code name}. */
    public ParameterSlice slice(String name) {
        for (ParameterSlice s : slices) {
            if (s.name().equals(name)) return s;
        }
        throw new IllegalArgumentException("no parameter slice '" + name + "'");
    }

    /** Collects slices; layers declare theirs by name and find them again in the built layout. */
    public static final class Builder {
        private record Pending(String name, int rows, int cols, boolean trainable) {}

        private final List<Pending> pending = new ArrayList<>();

        private Builder() {}

        /** Declares a trainable {@code rows x cols} block. */
        public Builder weights(String name, int rows, int cols) {
            return add(name, rows, cols, true);
        }

        /** Declares a buffer of {@code size} values: kept with the parameters, never touched by an optimizer. */
        public Builder buffer(String name, int size) {
            return add(name, 1, size, false);
        }

        private Builder add(String name, int rows, int cols, boolean trainable) {
            for (Pending p : pending) {
                if (p.name().equals(name)) throw new IllegalArgumentException("duplicate parameter slice " + name);
            }
            pending.add(new Pending(name, rows, cols, trainable));
            return this;
        }

        /**
         * The layout.
         *
         * @throws IllegalArgumentException if the vector would exceed {@code Integer.MAX_VALUE - 8} values
         */
        public ParameterLayout build() {
            List<ParameterSlice> out = new ArrayList<>();
            long offset = 0;
            for (boolean trainable : new boolean[] {true, false}) {
                for (Pending p : pending) {
                    if (p.trainable() != trainable) continue;
                    long end = offset + (long) p.rows() * p.cols();
                    if (end > Integer.MAX_VALUE - 8) {
                        throw new IllegalArgumentException("parameters do not fit in one array: " + end);
                    }
                    out.add(new ParameterSlice(p.name(), (int) offset, p.rows(), p.cols(), trainable));
                    offset = end;
                }
            }
            int trainable = 0;
            for (ParameterSlice s : out) {
                if (s.trainable()) trainable = s.end();
            }
            return new ParameterLayout(out, trainable, (int) offset);
        }
    }
}
