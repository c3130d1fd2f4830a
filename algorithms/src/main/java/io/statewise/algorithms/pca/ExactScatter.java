package io.statewise.algorithms.pca;

import io.statewise.algorithms.data.SparseBatch;
import org.ejml.data.DMatrixRMaj;

/**
 * Regular mode's summary: the exact scatter matrix {@code X^T X} of the raw rows, in double precision, upper
 * triangle only (symmetric, so {@code d(d+1)/2} values halve the state and the work). With the state's count and
 * sum of rows it gives the exact covariance {@code C = (X^T X - n mu mu^T) / (n - 1)}; merging adds matrices, exactly
 * associative up to floating-point rounding.
 *
 * <p>Why raw sums rather than running centered moments (Chan, Golub and LeVeque 1983): they merge by addition, take
 * sparse rows without densifying them, and the centering's cancellation loses about {@code eps * (mu/sigma)^2}
 * relative precision, which stays below the {@code 2^-24} of the float input for any {@code mu/sigma} below
 * {@code 10^4}, beyond which float data cannot resolve the spread anyway.
 *
 * <p>Dense update: each chunk of {@value #CHUNK} records is transposed into a feature-major {@code double} buffer
 * and its Gram matrix is added tile by tile ({@link DenseKernels#addGram}); the scratch is allocated on the first
 * update and never encoded.
 */
final class ExactScatter implements CovarianceSummary {

    /** Records per transposed chunk: a tile's 8 feature slices (8 KiB) stay in the L1 cache; measured fastest. */
    static final int CHUNK = 128;

    private final int d;
    /** Upper triangle, row by row: entry {@code (i, j >= i)} at {@code rowStart[i] + j}. */
    final double[] packed;
    private final int[] rowStart;
    private double[] chunk;

    /** An empty scatter matrix of {@code d} features; {@code d(d+1)/2} must fit in one array. */
    ExactScatter(int d) {
        this.d = d;
        this.packed = new double[Math.toIntExact(packedLength(d))];
        this.rowStart = new int[d];
        for (int i = 0; i < d; i++) rowStart[i] = (int) (packedOffset(i, d) - i);
    }

    /** Values of the upper triangle of a {@code d x d} matrix. */
    static long packedLength(int d) {
        return (long) d * (d + 1) / 2;
    }

    /** Index of {@code (i, i)} in the packed upper triangle. */
    private static long packedOffset(int i, int d) {
        return (long) i * d - (long) i * (i - 1) / 2;
    }

    /** Features. */
    int dimension() {
        return d;
    }

    /** Entry {@code (i, j)} of {@code X^T X}, either triangle. */
    double get(int i, int j) {
        return i <= j ? packed[rowStart[i] + j] : packed[rowStart[j] + i];
    }

    @Override
    public int capacity() {
        return d;
    }

    @Override
    public void addDense(float[] x, int rows, long firstRecord) {
        if (chunk == null) chunk = new double[Math.multiplyExact(d, CHUNK)];
        double[] xt = chunk;
        for (int c = 0; c < rows; c += CHUNK) {
            int len = Math.min(CHUNK, rows - c);
            for (int r = 0; r < len; r++) {
                int o = (c + r) * d;
                for (int i = 0, t = r; i < d; i++, t += CHUNK) xt[t] = x[o + i];
            }
            DenseKernels.addGram(xt, CHUNK, d, len, packed, rowStart);
        }
    }

    /** Adds {@code v_p v_q} for every pair of non-zeros {@code p <= q} of each row: {@code O(nnz^2)} per row. */
    @Override
    public void addSparse(SparseBatch batch, long firstRecord) {
        int[] start = batch.rowStart();
        int[] idx = batch.indices();
        float[] val = batch.values();
        for (int r = 0; r < batch.size(); r++) {
            int end = start[r + 1];
            for (int p = start[r]; p < end; p++) {
                double vp = val[p];
                int base = rowStart[idx[p]];
                for (int q = p; q < end; q++) packed[base + idx[q]] += vp * val[q];
            }
        }
    }

    @Override
    public ExactScatter emptyLike(long seed) {
        return new ExactScatter(d);
    }

    @Override
    public ExactScatter merge(CovarianceSummary other) {
        if (!(other instanceof ExactScatter o) || o.d != d) {
            throw new IllegalArgumentException("cannot merge a " + d + "-feature scatter matrix with " + other);
        }
        ExactScatter out = new ExactScatter(d);
        for (int i = 0; i < packed.length; i++) out.packed[i] = packed[i] + o.packed[i];
        return out;
    }

    /**
     * The covariance numerator {@code S = X^T X - sum sum^T / n} (or {@code X^T X}) in full, then its symmetric
     * eigendecomposition; components are the top eigenvectors, the scatter their eigenvalues, the total the trace.
     */
    @Override
    public Spectrum spectrum(long n, double[] sum, double sumSquares, boolean subtractMean, int k) {
        boolean center = subtractMean && n > 0;
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        double[] a = s.data;
        double trace = 0;
        for (int i = 0; i < d; i++) {
            double ci = center ? sum[i] / n : 0;
            for (int j = i; j < d; j++) {
                double v = packed[rowStart[i] + j] - ci * sum[j];
                a[i * d + j] = v;
                a[j * d + i] = v;
            }
            trace += a[i * d + i];
        }
        double[] values = new double[d];
        double[] vectors = new double[k * d];
        new SymmetricEigen(d).decompose(s, values, vectors, k);
        Spectrum.orient(vectors, k, d);
        double[] top = new double[k];
        System.arraycopy(values, 0, top, 0, k);
        return new Spectrum(vectors, top, trace);
    }

    @Override
    public String toString() {
        return "ExactScatter[d=" + d + "]";
    }
}
