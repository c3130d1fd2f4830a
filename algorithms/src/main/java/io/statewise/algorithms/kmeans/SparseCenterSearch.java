package io.statewise.algorithms.kmeans;

/**
 * Nearest centers and distances of sparse records (a record's non-zeros, as in a
 * {@link io.statewise.algorithms.data.SparseBatch}) to dense centers, without densifying the records: the sparse
 * counterpart of {@link NearestCenterSearch}.
 *
 * <p>Why this shape: the nearest center minimizes {@code ||c||^2 / 2 - x.c}, and {@code x.c} needs only the
 * coordinates where {@code x} is non-zero. The centers are loaded transposed (one array of {@code k} values per
 * feature), so that each non-zero {@code (t, v)} of a record updates all {@code k} scores with one contiguous AXPY
 * over feature {@code t}'s array, which the JIT vectorizes; a record costs {@code O(nnz * k)}, not {@code O(d * k)}.
 * Scores are computed in double without the centering trick of the dense search (centering would destroy sparsity),
 * so the expansion's rounding error is relative to the norms, about 1e-16 of them.
 *
 * <p>Distances use {@code ||x - c||^2 = ||c||^2 + sum over the non-zeros of ((x_t - c_t)^2 - c_t^2)}, exact up to
 * double rounding and exactly 0 when the record equals the center.
 *
 * <p>Memory: the transposed copy takes {@code capacity x d} doubles, as much as the state's centers. Mutable scratch,
 * confined to one thread: {@link #load} once per batch (or model), then {@link #nearest} without allocation.
 */
final class SparseCenterSearch {

    private final int capacity;
    private final int d;
    /** {@code byFeature[t][j]}: coordinate {@code t} of center {@code j}. */
    private final double[][] byFeature;
    private final double[] norms;
    private final double[] halfNorms;
    private final double[] scores;
    private int k;

    /**
     * Scratch for up to {@code capacity} centers of dimension {@code d}.
     *
     * @param capacity the most centers {@link #load} will be given, at least 1
     * @param d        the feature dimension, at least 1
     */
    SparseCenterSearch(int capacity, int d) {
        this.capacity = capacity;
        this.d = d;
        this.byFeature = new double[d][capacity];
        this.norms = new double[capacity];
        this.halfNorms = new double[capacity];
        this.scores = new double[capacity];
    }

    /**
     * Indexes the first {@code k} rows of {@code rowMajor} and their squared norms.
     *
     * @param rowMajor centers, row-major, at least {@code k * d} values. Not modified.
     * @param k        number of centers, in [1, capacity]
     */
    void load(double[] rowMajor, int k) {
        if (k < 1 || k > capacity) throw new IllegalArgumentException("k must be in [1, " + capacity + "], got " + k);
        this.k = k;
        for (int j = 0; j < k; j++) {
            int row = j * d;
            double norm = 0;
            for (int t = 0; t < d; t++) {
                double c = rowMajor[row + t];
                byFeature[t][j] = c;
                norm += c * c;
            }
            norms[j] = norm;
            halfNorms[j] = 0.5 * norm;
        }
    }

    /** Number of centers loaded. */
    int size() {
        return k;
    }

    /**
     * The index of the loaded center nearest the record whose non-zeros are {@code [from, to)}; ties go to the lowest
     * index.
     *
     * @param indices feature indices of the non-zeros, each below {@code d}. Not modified.
     * @param values  their values. Not modified.
     * @param from    the record's first non-zero
     * @param to      just past its last non-zero
     */
    int nearest(int[] indices, float[] values, int from, int to) {
        final double[] s = scores;
        final int n = k;
        System.arraycopy(halfNorms, 0, s, 0, n);
        for (int p = from; p < to; p++) {
            final double v = values[p];
            final double[] c = byFeature[indices[p]];
            for (int j = 0; j < n; j++) s[j] -= v * c[j];
        }
        int best = 0;
        double bestScore = s[0];
        for (int j = 1; j < n; j++) {
            if (s[j] < bestScore) {
                bestScore = s[j];
                best = j;
            }
        }
        return best;
    }

    /**
     * The squared Euclidean distance between the record whose non-zeros are {@code [from, to)} and loaded center
     * {@code j}, never negative.
     *
     * @param j       a loaded center, in [0, size)
     * @param indices feature indices of the non-zeros. Not modified.
     * @param values  their values. Not modified.
     * @param from    the record's first non-zero
     * @param to      just past its last non-zero
     */
    double squaredDistance(int j, int[] indices, float[] values, int from, int to) {
        double correction = 0;
        for (int p = from; p < to; p++) {
            double c = byFeature[indices[p]][j];
            double e = values[p] - c;
            correction += e * e - c * c;
        }
        double dist = norms[j] + correction;
        return dist > 0 ? dist : 0;
    }

    /** The squared norm of {@code rowMajor[off..off+d)}, summed in index order (as {@link #load} does). */
    static double squaredNorm(double[] rowMajor, int off, int d) {
        double norm = 0;
        for (int t = 0; t < d; t++) {
            double c = rowMajor[off + t];
            norm += c * c;
        }
        return norm;
    }

    /**
     * The squared Euclidean distance between a sparse record and one row-major center of squared norm {@code norm}
     * (from {@link #squaredNorm}), never negative: for one-off distances where loading a search does not pay.
     *
     * @param rowMajor centers, row-major. Not modified.
     * @param off      offset of the center's first coordinate
     * @param norm     the center's squared norm
     * @param indices  feature indices of the non-zeros. Not modified.
     * @param values   their values. Not modified.
     * @param from     the record's first non-zero
     * @param to       just past its last non-zero
     */
    static double squaredDistance(double[] rowMajor, int off, double norm, int[] indices, float[] values, int from,
                                  int to) {
        double correction = 0;
        for (int p = from; p < to; p++) {
            double c = rowMajor[off + indices[p]];
            double e = values[p] - c;
            correction += e * e - c * c;
        }
        double dist = norm + correction;
        return dist > 0 ? dist : 0;
    }
}
