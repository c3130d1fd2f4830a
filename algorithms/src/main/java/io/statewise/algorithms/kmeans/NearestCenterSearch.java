package io.statewise.algorithms.kmeans;

/**
 * Finds, for many float records in a row, the nearest of up to {@code capacity} centers: the hot loop of streaming
 * k-means, of the evaluator and of full-batch Lloyd.
 *
 * <p>Why this shape: with {@code ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2} the nearest center minimizes
 * {@code ||c||^2 / 2 - x.c}, and with the centers stored transposed ({@code d x k}) the dot products of one record
 * with all centers are {@code d} AXPY loops over contiguous floats, which the JIT vectorizes (SIMD), about ten times
 * faster than one scalar dot product per center. The expansion loses precision when the data sit far from the
 * origin, so records and centers are first shifted by the centers' mean (as scikit-learn centers the data before
 * k-means): the rounding error is then relative to the spread of the data, not to its offset. Only the argmin is
 * computed here; callers that report a distance recompute it exactly in double.
 *
 * <p>Mutable scratch, confined to one thread; {@link #load} once per batch (or per Lloyd iteration), then
 * {@link #nearest} per record without allocation.
 */
final class NearestCenterSearch {

    private final int capacity;
    private final int d;
    private final float[] origin;
    private final float[] centersT;
    private final float[] halfNorms;
    private final float[] scores;
    private final float[] shifted;
    private int k;

    /**
     * Scratch for up to {@code capacity} centers of dimension {@code d}.
     *
     * @param capacity the most centers {@link #load} will be given, at least 1
     * @param d        features per record and center, at least 1
     */
    NearestCenterSearch(int capacity, int d) {
        this.capacity = capacity;
        this.d = d;
        this.origin = new float[d];
        this.centersT = new float[Math.multiplyExact(capacity, d)];
        this.halfNorms = new float[capacity];
        this.scores = new float[capacity];
        this.shifted = new float[d];
    }

    /** The most centers this search holds. */
    int capacity() {
        return capacity;
    }

    /**
     * Indexes the first {@code k} rows of {@code centers}.
     *
     * @param centers row-major centers, at least {@code k * d} values. Not modified.
     * @param k       number of centers, in [1, capacity]
     */
    void load(double[] centers, int k) {
        if (k < 1 || k > capacity) throw new IllegalArgumentException("k must be in [1, " + capacity + "], got " + k);
        this.k = k;
        for (int t = 0; t < d; t++) {
            double sum = 0;
            for (int j = 0; j < k; j++) sum += centers[j * d + t];
            origin[t] = (float) (sum / k);
        }
        for (int j = 0; j < k; j++) {
            double norm = 0;
            int row = j * d;
            for (int t = 0; t < d; t++) {
                float v = (float) (centers[row + t] - origin[t]);
                centersT[t * k + j] = v;
                norm += (double) v * v;
            }
            halfNorms[j] = (float) (0.5 * norm);
        }
    }

    /** Number of centers loaded. */
    int size() {
        return k;
    }

    /**
     * The index of the loaded center nearest to {@code x[off..off+d)}; ties go to the lowest index.
     *
     * @param x   records, row-major. Not modified.
     * @param off the record's offset
     */
    int nearest(float[] x, int off) {
        final int k = this.k;
        final int d = this.d;
        final float[] xs = shifted;
        final float[] ct = centersT;
        final float[] s = scores;
        for (int t = 0; t < d; t++) xs[t] = x[off + t] - origin[t];
        float x0 = xs[0];
        for (int j = 0; j < k; j++) s[j] = halfNorms[j] - x0 * ct[j];
        for (int t = 1; t < d; t++) {
            float xt = xs[t];
            int base = t * k;
            for (int j = 0; j < k; j++) s[j] -= xt * ct[base + j];
        }
        int best = 0;
        float bestScore = s[0];
        for (int j = 1; j < k; j++) {
            if (s[j] < bestScore) {
                bestScore = s[j];
                best = j;
            }
        }
        return best;
    }
}
