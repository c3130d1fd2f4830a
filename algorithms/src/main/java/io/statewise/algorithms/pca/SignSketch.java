package io.statewise.algorithms.pca;

import io.statewise.algorithms.data.SparseBatch;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Randomized mode's summary, after SageMaker's randomized PCA: the sketch {@code B = H A} ({@code m x d}) of the raw
 * rows under a random sign matrix {@code H} ({@code m x n}, entries {@code +-1}), and the sign sums
 * {@code h = H 1} ({@code m}). Column {@code i} of {@code H} (record {@code i}'s signs) is a pure function of the
 * summary's seed and the record's position in its stream, so a partial never needs another's signs and merging is
 * addition: {@code B_a + B_b} is the sketch of the concatenated data under {@code [H_a H_b]}.
 *
 * <p>Centering without a second pass: {@code sum_i s_i (x_i - mu) = B - h mu^T}, so {@code B_c = B - h mu^T} is
 * exactly the sketch of the centered data {@code A_c}.
 *
 * <p>Why its right singular vectors are principal directions: {@code E[H^T H] = m I} (diagonal entries are sums of
 * {@code m} squared signs, off-diagonal ones have mean 0), so {@code E[B_c^T B_c] = m A_c^T A_c}, and the row space of
 * {@code B_c} captures the top of {@code A_c}'s row space (the randomized range finder of Halko, Martinsson and Tropp,
 * SIAM Review 2011, applied to {@code A_c^T}). The directions are approximate: {@code H^T H} is {@code m I} only in
 * expectation, its relative fluctuations of order {@code 1 / sqrt(m)} rotate components into each other, more the
 * closer their eigenvalues. Measured on rank 3 plus noise with variance ratios of 16: with the default
 * {@code m = 13} the third component's {@code |cos|} with the truth ranges from 0.98 to 0.999 across seeds, with
 * {@code m = 40} it stays above 0.994; more {@code extra_components} sharpen the components.
 *
 * <p><b>Explained variances are estimates.</b> The data along a component {@code v} would give
 * {@code ||A_c v||^2 / (n - 1)}, which needs another pass. From the sketch, {@code ||B_c v||^2 = s_i^2} estimates
 * {@code m ||A_c v||^2} and {@code ||B_c||_F^2} estimates {@code m ||A_c||_F^2}. Finalize reports
 * {@code variance_i = s_i^2 / ||B_c||_F^2 * tr(C)}, with {@code tr(C) = ||A_c||_F^2 / (n - 1)} exact from the state's
 * sums: a ratio of two estimates with the same factor {@code m}, so the sketch's common scale fluctuation cancels and
 * the explained variance ratios {@code s_i^2 / ||B_c||_F^2} sum to at most 1 (the plain {@code s_i^2 / (m (n - 1))}
 * has relative noise {@code sqrt(2 / m)} and its ratios can exceed 1). Both are biased upward when the spectrum has a
 * heavy tail: the sketch's {@code m} directions then also absorb tail variance (for isotropic data, by a factor of
 * order {@code d / m}).
 */
final class SignSketch implements CovarianceSummary {

    /** Records per dense chunk. */
    static final int CHUNK = 256;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final int m;
    private final int d;
    /** Seed of the sign stream. */
    final long signSeed;
    /** {@code B = sum_i s_i x_i^T}, {@code m x d} row-major. */
    final double[] sketch;
    /** {@code h = sum_i s_i}, integers held as doubles (exact below 2^53). */
    final double[] signSums;

    private double[] signs;
    private double[] chunk;

    /**
     * An empty sketch.
     *
     * @param m        sketch rows, at least 1
     * @param d        features
     * @param signSeed seed of the sign stream
     */
    SignSketch(int m, int d, long signSeed) {
        if (m < 1) throw new IllegalArgumentException("need m >= 1, got " + m);
        this.m = m;
        this.d = d;
        this.signSeed = signSeed;
        this.sketch = new double[Math.multiplyExact(m, d)];
        this.signSums = new double[m];
    }

    /** Sketch rows {@code m}. */
    int sketchRows() {
        return m;
    }

    /** Features. */
    int dimension() {
        return d;
    }

    /** SplitMix64's finalizer (Steele, Lea and Flood, OOPSLA 2014): a bijective mix of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Writes the signs of the record at {@code position}: element {@code k} of the SplitMix64 stream of
     * {@code signSeed}, at counter {@code position * words + k / 64}, bit {@code k % 64}.
     *
     * @param out    receives {@code +-1.0} at {@code out[offset + k * step]} for {@code k < m}. Modified.
     */
    private void signsOf(long position, double[] out, int offset, int step) {
        int words = (m + 63) >>> 6;
        long counter = position * words;
        for (int w = 0; w < words; w++) {
            long bits = mix(signSeed + GOLDEN_GAMMA * (counter + w + 1));
            int end = Math.min(m, (w + 1) << 6);
            for (int k = w << 6; k < end; k++) {
                double s = ((bits >>> (k & 63)) & 1L) != 0 ? 1.0 : -1.0;
                out[offset + k * step] = s;
                signSums[k] += s;
            }
        }
    }

    @Override
    public int capacity() {
        return Math.min(m, d);
    }

    /** Per chunk: the signs {@code S} ({@code m x len}) and the rows in double, then {@code B += S X}. */
    @Override
    public void addDense(float[] x, int rows, long firstRecord) {
        if (signs == null) signs = new double[Math.multiplyExact(m, CHUNK)];
        if (chunk == null) chunk = new double[Math.multiplyExact(CHUNK, d)];
        for (int c = 0; c < rows; c += CHUNK) {
            int len = Math.min(CHUNK, rows - c);
            for (int r = 0; r < len; r++) signsOf(firstRecord + c + r, signs, r, len);
            int from = c * d;
            int n = len * d;
            for (int t = 0; t < n; t++) chunk[t] = x[from + t];
            DenseKernels.addProduct(signs, m, len, chunk, d, sketch);
        }
    }

    /** Adds {@code s_k v} at each non-zero {@code (j, v)} of each record to row {@code k} of the sketch. */
    @Override
    public void addSparse(SparseBatch batch, long firstRecord) {
        if (signs == null) signs = new double[Math.multiplyExact(m, CHUNK)];
        int[] start = batch.rowStart();
        int[] idx = batch.indices();
        float[] val = batch.values();
        for (int r = 0; r < batch.size(); r++) {
            signsOf(firstRecord + r, signs, 0, 1);
            int from = start[r];
            int to = start[r + 1];
            for (int k = 0; k < m; k++) {
                double s = signs[k];
                int o = k * d;
                for (int p = from; p < to; p++) sketch[o + idx[p]] += s * val[p];
            }
        }
    }

    /** An empty sketch whose signs derive from this one's seed and {@code seed} (a split's seed). */
    @Override
    public SignSketch emptyLike(long seed) {
        return new SignSketch(m, d, mix(signSeed ^ mix(seed)));
    }

    /**
     * The element-wise sums of sketches and sign sums: exact (one addition per value), and commutative. The merged
     * seed is the sum of the seeds, so merging is also associative in the seed.
     */
    @Override
    public SignSketch merge(CovarianceSummary other) {
        if (!(other instanceof SignSketch o) || o.m != m || o.d != d) {
            throw new IllegalArgumentException("cannot merge a sign sketch of m = " + m + ", d = " + d + " with "
                    + other);
        }
        SignSketch out = new SignSketch(m, d, signSeed + o.signSeed);
        for (int i = 0; i < sketch.length; i++) out.sketch[i] = sketch[i] + o.sketch[i];
        for (int k = 0; k < m; k++) out.signSums[k] = signSums[k] + o.signSums[k];
        return out;
    }

    /** The SVD of {@code B_c = B - h mu^T}: top right singular vectors, variances estimated as described above. */
    @Override
    public Spectrum spectrum(long n, double[] sum, double sumSquares, boolean subtractMean, int k) {
        boolean center = subtractMean && n > 0;
        DMatrixRMaj bc = new DMatrixRMaj(m, d);
        double frobenius = 0;
        for (int i = 0; i < m; i++) {
            double hi = center ? signSums[i] / n : 0;
            for (int j = 0; j < d; j++) {
                double v = sketch[i * d + j] - hi * sum[j];
                bc.data[i * d + j] = v;
                frobenius += v * v;
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, d, false, true, true);
        if (!svd.decompose(bc)) throw new IllegalStateException("SVD of the sign sketch did not converge");
        double[] sv = svd.getSingularValues();
        DMatrixRMaj vt = svd.getV(null, true);
        int count = svd.numberOfSingularValues();
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(sv[b], sv[a]));
        double total = center ? sumSquares - squaredNorm(sum) / n : sumSquares;
        double[] components = new double[k * d];
        double[] scatter = new double[k];
        for (int i = 0; i < k; i++) {
            int src = order[i];
            System.arraycopy(vt.data, src * d, components, i * d, d);
            scatter[i] = frobenius > 0 ? sv[src] * sv[src] / frobenius * total : 0;
        }
        Spectrum.orient(components, k, d);
        return new Spectrum(components, scatter, total);
    }

    private static double squaredNorm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return s;
    }

    @Override
    public String toString() {
        return "SignSketch[m=" + m + ", d=" + d + "]";
    }
}
