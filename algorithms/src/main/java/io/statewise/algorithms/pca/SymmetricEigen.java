package io.statewise.algorithms.pca;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues and eigenvectors of small or medium symmetric matrices with EJML's symmetric QR algorithm
 * (tridiagonalization, then implicit QR steps), sorted by eigenvalue descending. One instance per matrix size is
 * reused by Frequent Directions' shrink steps, so repeated decompositions allocate little. Not thread-safe.
 */
final class SymmetricEigen {

    private final int n;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;
    private final int[] order;

    /** A decomposer of {@code n x n} symmetric matrices. */
    SymmetricEigen(int n) {
        this.n = n;
        this.eig = DecompositionFactory_DDRM.eig(n, true, true);
        this.order = new int[n];
    }

    /**
     * Decomposes {@code sym = V diag(values) V^T}.
     *
     * @param sym     a symmetric {@code n x n} matrix (both triangles filled). Modified (EJML works in place).
     * @param values  receives all {@code n} eigenvalues, descending. Modified.
     * @param vectors receives the unit eigenvectors of the {@code count} largest eigenvalues as rows
     *                ({@code count x n}, row-major). Modified.
     * @param count   eigenvectors wanted, at most {@code n}
     * @throws IllegalStateException if EJML does not converge (not seen for symmetric input)
     */
    void decompose(DMatrixRMaj sym, double[] values, double[] vectors, int count) {
        if (sym.numRows != n || sym.numCols != n) {
            throw new IllegalArgumentException("expected " + n + " x " + n + ", got " + sym.numRows + " x "
                    + sym.numCols);
        }
        if (!eig.decompose(sym)) throw new IllegalStateException("symmetric eigendecomposition did not converge");
        for (int i = 0; i < n; i++) order[i] = i;
        // insertion sort by eigenvalue, descending; stable, so ties keep EJML's order (deterministic)
        for (int i = 1; i < n; i++) {
            int idx = order[i];
            double v = eig.getEigenvalue(idx).real;
            int j = i - 1;
            while (j >= 0 && eig.getEigenvalue(order[j]).real < v) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = idx;
        }
        for (int i = 0; i < n; i++) values[i] = eig.getEigenvalue(order[i]).real;
        for (int i = 0; i < count; i++) {
            DMatrixRMaj v = eig.getEigenVector(order[i]);
            double norm = 0;
            for (int t = 0; t < n; t++) norm += v.data[t] * v.data[t];
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int t = 0; t < n; t++) vectors[i * n + t] = v.data[t] * scale;
        }
    }
}
