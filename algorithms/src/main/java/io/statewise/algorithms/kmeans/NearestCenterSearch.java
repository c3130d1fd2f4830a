package io.statewise.algorithms.kmeans;

import java.util.Arrays;

/**
 * Assigns many float records to the nearest of up to {@code capacity} centers: the hot loop of streaming k-means, of
 * the evaluator and of full-batch Lloyd.
 *
 * <p>Why this shape: with {@code ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2} the nearest center minimizes
 * {@code ||c||^2 / 2 - x.c}. Records are processed in blocks of up to {@link #BLOCK}, transposed (one array per
 * coordinate), so that the dot products of one center with a whole block are AXPY loops over contiguous floats that
 * the JIT turns into SIMD instructions; each loop adds four coordinates at once to cut loads and stores of the
 * running scores.
 * (The C2 compiler of Java 17 vectorizes a loop only when all its arrays are indexed from the same offset, hence the
 * separate row arrays.) This is several times faster than one scalar dot product per center and record, for small
 * and large numbers of centers alike.
 *
 * <p>The expansion loses precision when the data sit far from the origin, so records and centers are first shifted
 * by the centers' mean (as scikit-learn centers the data before k-means): the rounding error is then relative to the
 * spread of the data, not to its offset. Only the argmin is computed here; callers that report a distance recompute
 * it exactly in double.
 *
 * <p>Mutable scratch, confined to one thread: {@link #load} once per batch (or Lloyd iteration), then
 * {@link #assign} without allocation.
 */
final class NearestCenterSearch {

    /** The most records transposed and scored together; callers size their assignment scratch by it. */
    static final int BLOCK = 128;

    /** Scratch bytes a block of transposed records may take; caps the block for very wide records. */
    private static final int BLOCK_BYTES = 1 << 20;

    private final int capacity;
    private final int d;
    private final float[] origin;
    private final float[][] centers;
    private final float[] halfNorms;
    private final float[][] block;
    private final float[] scores;
    private final float[] best;
    private final int blockRows;
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
        this.centers = new float[capacity][d];
        this.halfNorms = new float[capacity];
        this.blockRows = Math.max(1, Math.min(BLOCK, BLOCK_BYTES / 4 / d));
        this.block = new float[d][blockRows];
        this.scores = new float[BLOCK];
        this.best = new float[BLOCK];
    }

    /**
     * Indexes the first {@code k} rows of {@code rowMajor}.
     *
     * @param rowMajor centers, row-major, at least {@code k * d} values. Not modified.
     * @param k        number of centers, in [1, capacity]
     */
    void load(double[] rowMajor, int k) {
        if (k < 1 || k > capacity) throw new IllegalArgumentException("k must be in [1, " + capacity + "], got " + k);
        this.k = k;
        for (int t = 0; t < d; t++) {
            double sum = 0;
            for (int j = 0; j < k; j++) sum += rowMajor[j * d + t];
            origin[t] = (float) (sum / k);
        }
        for (int j = 0; j < k; j++) {
            float[] c = centers[j];
            double norm = 0;
            int row = j * d;
            for (int t = 0; t < d; t++) {
                float v = (float) (rowMajor[row + t] - origin[t]);
                c[t] = v;
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
     * Writes the index of the nearest loaded center of records {@code [first, first + count)} of {@code x} to
     * {@code out[outOff ..]}; ties go to the lowest index.
     *
     * @param x      records, row-major with {@code d} values each. Not modified.
     * @param first  index of the first record
     * @param count  number of records
     * @param out    nearest center indices. Modified.
     * @param outOff where the first index goes
     */
    void assign(float[] x, int first, int count, int[] out, int outOff) {
        for (int b = 0; b < count; b += blockRows) {
            int m = Math.min(blockRows, count - b);
            for (int r = 0; r < m; r++) {
                int off = (first + b + r) * d;
                for (int t = 0; t < d; t++) block[t][r] = x[off + t] - origin[t];
            }
            scoreBlock(m, out, outOff + b);
        }
    }

    /**
     * Like {@link #assign(float[], int, int, int[], int)} for records stored as separate rows.
     *
     * @param rows   records of {@code d} values. Not modified.
     * @param first  index of the first record
     * @param count  number of records
     * @param out    nearest center indices. Modified.
     * @param outOff where the first index goes
     */
    void assign(float[][] rows, int first, int count, int[] out, int outOff) {
        for (int b = 0; b < count; b += blockRows) {
            int m = Math.min(blockRows, count - b);
            for (int r = 0; r < m; r++) {
                float[] row = rows[first + b + r];
                for (int t = 0; t < d; t++) block[t][r] = row[t] - origin[t];
            }
            scoreBlock(m, out, outOff + b);
        }
    }

    /** Scores the {@code m} transposed records of {@link #block} against every center; keeps the argmin. */
    private void scoreBlock(int m, int[] out, int outOff) {
        final float[] s = scores;
        final float[] bestScore = best;
        final float[][] xt = block;
        Arrays.fill(bestScore, 0, m, Float.POSITIVE_INFINITY);
        Arrays.fill(out, outOff, outOff + m, 0);
        for (int j = 0; j < k; j++) {
            final float[] c = centers[j];
            Arrays.fill(s, 0, m, halfNorms[j]);
            int t = 0;
            for (; t + 3 < d; t += 4) {
                float ca = c[t], cb = c[t + 1], cc = c[t + 2], cd = c[t + 3];
                float[] ra = xt[t], rb = xt[t + 1], rc = xt[t + 2], rd = xt[t + 3];
                for (int r = 0; r < m; r++) s[r] -= (ca * ra[r] + cb * rb[r]) + (cc * rc[r] + cd * rd[r]);
            }
            for (; t < d; t++) {
                float ct = c[t];
                float[] row = xt[t];
                for (int r = 0; r < m; r++) s[r] -= ct * row[r];
            }
            for (int r = 0; r < m; r++) {
                if (s[r] < bestScore[r]) {
                    bestScore[r] = s[r];
                    out[outOff + r] = j;
                }
            }
        }
    }
}
