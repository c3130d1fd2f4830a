package io.statewise.algorithms.pca;

import java.util.Arrays;

/**
 * An orthonormal basis of the span of some vectors, completed with coordinate directions up to a minimum size, by
 * modified Gram-Schmidt applied twice ("twice is enough": Giraud, Langou and Rozloznik, Computers and Mathematics with
 * Applications, 2005). A vector whose component outside the basis so far is below {@value #TOLERANCE} of its norm
 * adds nothing, so zero and dependent vectors are skipped (EJML's Householder QR reports those as failures).
 */
final class OrthonormalBasis {

    /** Relative size below which a vector's new component counts as zero. */
    static final double TOLERANCE = 1e-10;

    private OrthonormalBasis() {}

    /**
     * The basis as rows.
     *
     * @param vectors  {@code count x d} row-major candidates, in order. Not modified.
     * @param count    candidates
     * @param d        dimension
     * @param minimum  rows wanted at least (at most {@code d}): coordinate directions {@code e_0, e_1, ...} complete
     *                 the basis if the candidates span less
     * @return {@code q x d} row-major orthonormal rows, {@code max(rank, minimum) <= q <= d}, spanning the
     *         candidates to within {@link #TOLERANCE}
     */
    static double[] of(double[] vectors, int count, int d, int minimum) {
        int capacity = Math.min(d, count + minimum);
        double[] q = new double[capacity * d];
        int rank = 0;
        for (int t = 0; t < count && rank < d; t++) {
            System.arraycopy(vectors, t * d, q, rank * d, d);
            if (orthonormalize(q, rank, d)) rank++;
        }
        for (int j = 0; rank < minimum && j < d; j++) {
            Arrays.fill(q, rank * d, (rank + 1) * d, 0);
            q[rank * d + j] = 1;
            if (orthonormalize(q, rank, d)) rank++;
        }
        return Arrays.copyOf(q, rank * d);
    }

    /**
     * Orthogonalizes row {@code rank} of {@code q} against rows {@code [0, rank)} (twice) and normalizes it.
     *
     * @return false (and the row zeroed) if nothing of it is left
     */
    private static boolean orthonormalize(double[] q, int rank, int d) {
        int o = rank * d;
        double norm0 = Math.sqrt(squaredNorm(q, o, d));
        if (norm0 == 0) return false;
        for (int pass = 0; pass < 2; pass++) {
            for (int a = 0; a < rank; a++) {
                int p = a * d;
                double c = 0;
                for (int j = 0; j < d; j++) c += q[p + j] * q[o + j];
                for (int j = 0; j < d; j++) q[o + j] -= c * q[p + j];
            }
        }
        double norm = Math.sqrt(squaredNorm(q, o, d));
        if (norm <= TOLERANCE * norm0) {
            Arrays.fill(q, o, o + d, 0);
            return false;
        }
        double scale = 1 / norm;
        for (int j = 0; j < d; j++) q[o + j] *= scale;
        return true;
    }

    private static double squaredNorm(double[] a, int o, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) s += a[o + j] * a[o + j];
        return s;
    }
}
