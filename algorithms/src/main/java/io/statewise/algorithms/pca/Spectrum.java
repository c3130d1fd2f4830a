package io.statewise.algorithms.pca;

/**
 * What a {@link CovarianceSummary} yields at finalize: the top principal directions and the eigenvalues of the
 * (centered) scatter matrix {@code A_c^T A_c} along them. Variances are these divided by {@code n - 1}.
 *
 * @param components   {@code k x d} row-major, orthonormal rows, each oriented by {@link #orient}
 * @param scatter      the {@code k} eigenvalues (or their estimates), descending
 * @param totalScatter the trace of the scatter matrix: the sum of squared (centered) norms of all records
 */
record Spectrum(double[] components, double[] scatter, double totalScatter) {

    /**
     * Flips each row of {@code components} so its coordinate of largest magnitude (the first on ties) is positive:
     * eigenvectors are defined up to sign, and a fixed convention makes models comparable across runs and modes.
     *
     * @param components {@code k x d} row-major. Modified.
     */
    static void orient(double[] components, int k, int d) {
        for (int i = 0; i < k; i++) {
            int o = i * d;
            int arg = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(components[o + j]) > Math.abs(components[o + arg])) arg = j;
            }
            if (components[o + arg] < 0) {
                for (int j = 0; j < d; j++) components[o + j] = -components[o + j];
            }
        }
    }
}
