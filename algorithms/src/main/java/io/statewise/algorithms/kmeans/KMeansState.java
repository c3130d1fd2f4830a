package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.State;
import java.util.Arrays;

/**
 * The streaming k-means summary: {@code K = k * extra_center_factor} weighted centers of dimension {@code d}
 * (SageMaker's k-means state, Liberty et al., SIGMOD 2020). Each center is the running (optionally
 * decayed) mean of the records assigned to it and its weight the (decayed) number of those records, so the weighted
 * centers preserve the first moment of the data they summarize; finalize clusters them into the model's {@code k}.
 *
 * <p>Centers and weights are kept in {@code double}: a running mean updated with steps {@code b / w} that become
 * tiny after millions of records would stall at {@code float} precision. The encoded size is fixed by {@code K} and
 * {@code d}: {@link #serializedSize()} never depends on {@link #records()}.
 *
 * <p>Mutable and confined to one thread. Its per-update scratch (the nearest-center index, assignments and
 * mini-batch sums) is allocated on the first update, reused by every later one, and never encoded.
 */
public final class KMeansState implements State {

    private final int capacity;
    private final int dimension;
    /** Row-major {@code capacity x dimension}; rows {@code [filled, capacity)} are zero. */
    final double[] centers;
    /** One weight per center; 0 for unfilled rows and for centers that have no record of this state yet. */
    final double[] weights;
    /** Centers initialized so far; rows {@code [0, filled)} are valid. */
    int filled;
    long records;
    /** {@link SplitMix64} state for the choice of initial centers. */
    long rngState;

    private transient NearestCenterSearch search;
    private transient SparseCenterSearch sparseSearch;
    private transient double[] batchSums;
    private transient int[] batchCounts;
    private transient int[] assignments;

    /**
     * An empty state.
     *
     * @param capacity  weighted centers it keeps ({@code K}), at least 1
     * @param dimension features per record, at least 1
     * @param rngState  seed of its random choices
     */
    KMeansState(int capacity, int dimension, long rngState) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        if (dimension < 1) throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        this.capacity = capacity;
        this.dimension = dimension;
        this.centers = new double[Math.multiplyExact(capacity, dimension)];
        this.weights = new double[capacity];
        this.rngState = rngState;
    }

    /** Weighted centers this state keeps at most ({@code K = k * extra_center_factor}). */
    public int capacity() {
        return capacity;
    }

    /** Features per record. */
    public int dimension() {
        return dimension;
    }

    /** Centers initialized so far (at most {@link #capacity()}); the others are unused. */
    public int filled() {
        return filled;
    }

    @Override
    public long records() {
        return records;
    }

    @Override
    public long serializedSize() {
        return KMeansStateCodec.encodedSize(capacity, dimension);
    }

    /** Centers with a positive weight: those finalize and merge use. */
    public int weightedCenters() {
        int n = 0;
        for (int j = 0; j < filled; j++) {
            if (weights[j] > 0) n++;
        }
        return n;
    }

    /**
     * A copy of center {@code j}.
     *
     * @param j in [0, filled)
     */
    public double[] center(int j) {
        checkIndex(j);
        return Arrays.copyOfRange(centers, j * dimension, (j + 1) * dimension);
    }

    /**
     * The weight of center {@code j}: the (decayed) number of records it summarizes.
     *
     * @param j in [0, filled)
     */
    public double weight(int j) {
        checkIndex(j);
        return weights[j];
    }

    /** The sum of all weights: {@link #records()} without decay. */
    public double totalWeight() {
        double sum = 0;
        for (int j = 0; j < filled; j++) sum += weights[j];
        return sum;
    }

    private void checkIndex(int j) {
        if (j < 0 || j >= filled) throw new IndexOutOfBoundsException("center " + j + " of " + filled);
    }

    /** The nearest-center index, allocated on first use. */
    NearestCenterSearch search() {
        if (search == null) search = new NearestCenterSearch(capacity, dimension);
        return search;
    }

    /** The nearest-center index for sparse records, allocated on first use (only when sparse data is seen). */
    SparseCenterSearch sparseSearch() {
        if (sparseSearch == null) sparseSearch = new SparseCenterSearch(capacity, dimension);
        return sparseSearch;
    }

    /** Per-center sums of one mini-batch ({@code K x d}), allocated on first use. */
    double[] batchSums() {
        if (batchSums == null) batchSums = new double[centers.length];
        return batchSums;
    }

    /** Per-center counts of one mini-batch, allocated on first use. */
    int[] batchCounts() {
        if (batchCounts == null) batchCounts = new int[capacity];
        return batchCounts;
    }

    /** Nearest-center indices of one block of records, allocated on first use. */
    int[] assignments() {
        if (assignments == null) assignments = new int[NearestCenterSearch.BLOCK];
        return assignments;
    }

    @Override
    public String toString() {
        return "KMeansState[capacity=" + capacity + ", dimension=" + dimension + ", filled=" + filled + ", records="
                + records + "]";
    }
}
