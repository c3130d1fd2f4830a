package io.statewise.algorithms.pca;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Builds PCA instances and seeded data for tests, streams rows through them, and computes exact references. */
final class PcaTesting {

    private PcaTesting() {}

    /** Hyperparameters from alternating name, value pairs. */
    static HyperParameters params(Object... nameValues) {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) raw.put((String) nameValues[i], nameValues[i + 1]);
        return PcaProvider.SPEC.parse(raw);
    }

    /** An instance from alternating name, value pairs. */
    static ElasticAlgorithm<PcaState, PcaModel> pca(Object... nameValues) {
        return new PcaProvider().create(params(nameValues));
    }

    static DataSchema schema(float[][] rows) {
        return new DataSchema(rows[0].length, false);
    }

    /**
     * {@code n x d} rows {@code Z diag(scales) W^T + noise * N + offset}: {@code W} a random orthonormal
     * {@code d x r} basis, {@code Z} and {@code N} standard Gaussian, {@code offset} uniform in [-5, 5]^d.
     */
    static float[][] lowRankPlusNoise(int n, int d, double[] scales, double noise, long seed) {
        Random random = new Random(seed);
        int r = scales.length;
        double[] w = orthonormalColumns(d, r, random);
        double[] offset = new double[d];
        for (int j = 0; j < d; j++) offset[j] = 10 * random.nextDouble() - 5;
        float[][] rows = new float[n][d];
        double[] z = new double[r];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < r; t++) z[t] = scales[t] * random.nextGaussian();
            for (int j = 0; j < d; j++) {
                double v = offset[j] + noise * random.nextGaussian();
                for (int t = 0; t < r; t++) v += w[j * r + t] * z[t];
                rows[i][j] = (float) v;
            }
        }
        return rows;
    }

    /** A random {@code d x r} matrix with orthonormal columns, row-major. */
    static double[] orthonormalColumns(int d, int r, Random random) {
        DMatrixRMaj g = new DMatrixRMaj(d, r);
        for (int i = 0; i < g.data.length; i++) g.data[i] = random.nextGaussian();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, r);
        qr.decompose(g);
        return qr.getQ(null, true).data;
    }

    /** Geometric scales {@code first * ratio^t}, {@code t < r}. */
    static double[] geometric(int r, double first, double ratio) {
        double[] s = new double[r];
        for (int t = 0; t < r; t++) s[t] = first * Math.pow(ratio, t);
        return s;
    }

    /** Streams {@code rows[from, to)} through {@code update} in dense batches of {@code batchSize}. */
    static PcaState feed(ElasticAlgorithm<PcaState, PcaModel> algorithm, PcaState state, float[][] rows, int from,
                         int to, int batchSize) {
        DenseBatch batch = new DenseBatch(batchSize, rows[0].length);
        for (int i = from; i < to; i++) {
            System.arraycopy(rows[i], 0, batch.features(), batch.size() * batch.dimension(), batch.dimension());
            batch.commitRecord();
            if (batch.isFull()) {
                algorithm.update(state, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) algorithm.update(state, batch);
        return state;
    }

    /** One partial over all rows, started from an empty base. */
    static PcaState onePass(ElasticAlgorithm<PcaState, PcaModel> algorithm, float[][] rows, long seed) {
        PcaState base = algorithm.init(schema(rows));
        return feed(algorithm, algorithm.startPartial(base, seed), rows, 0, rows.length, 100);
    }

    /** The same rows as CSR batches of {@code batchSize} (zeros dropped). */
    static PcaState feedSparse(ElasticAlgorithm<PcaState, PcaModel> algorithm, PcaState state, float[][] rows,
                               int batchSize) {
        SparseBatch batch = new SparseBatch(batchSize, rows[0].length);
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                if (row[j] != 0) batch.add(j, row[j]);
            }
            batch.commitRecord(0);
            if (batch.isFull()) {
                algorithm.update(state, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) algorithm.update(state, batch);
        return state;
    }

    /** Rows with about {@code density} of their entries non-zero (Gaussian values). */
    static float[][] sparseRows(int n, int d, double density, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                if (random.nextDouble() < density) row[j] = (float) (1 + j % 3 + random.nextGaussian());
            }
        }
        return rows;
    }

    /**
     * The exact PCA of {@code rows} by an SVD of the (centered) data matrix in double.
     *
     * @param components {@code d x d} row-major right singular vectors, by decreasing singular value
     * @param variances  {@code s_i^2 / (n - 1)}, descending
     * @param total      the total variance {@code ||A_c||_F^2 / (n - 1)}
     */
    record Reference(double[] components, double[] variances, double total) {

        static Reference of(float[][] rows, boolean center) {
            int n = rows.length;
            int d = rows[0].length;
            double[] mean = new double[d];
            if (center) {
                for (float[] row : rows) {
                    for (int j = 0; j < d; j++) mean[j] += row[j];
                }
                for (int j = 0; j < d; j++) mean[j] /= n;
            }
            DMatrixRMaj a = new DMatrixRMaj(n, d);
            double total = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    double v = rows[i][j] - mean[j];
                    a.data[i * d + j] = v;
                    total += v * v;
                }
            }
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, true, true);
            if (!svd.decompose(a)) throw new IllegalStateException("reference SVD failed");
            double[] s = svd.getSingularValues();
            DMatrixRMaj vt = svd.getV(null, true);
            int count = svd.numberOfSingularValues();
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) order[i] = i;
            java.util.Arrays.sort(order, (x, y) -> Double.compare(s[y], s[x]));
            double[] components = new double[count * d];
            double[] variances = new double[count];
            for (int i = 0; i < count; i++) {
                System.arraycopy(vt.data, order[i] * d, components, i * d, d);
                variances[i] = s[order[i]] * s[order[i]] / (n - 1);
            }
            return new Reference(components, variances, total / (n - 1));
        }

        /** The sum of the top {@code k} variances. */
        double top(int k) {
            double s = 0;
            for (int i = 0; i < k; i++) s += variances[i];
            return s;
        }
    }

    /** {@code |cos|} of the angle between model component {@code i} and reference row {@code j}. */
    static double alignment(float[] component, double[] reference, int j) {
        int d = component.length;
        double dot = 0;
        double nc = 0;
        double nr = 0;
        for (int t = 0; t < d; t++) {
            dot += component[t] * reference[j * d + t];
            nc += (double) component[t] * component[t];
            nr += reference[j * d + t] * reference[j * d + t];
        }
        return Math.abs(dot) / Math.sqrt(nc * nr);
    }

    /** The variance of {@code rows} (centered by their mean if {@code center}) along the unit vector {@code v}. */
    static double varianceAlong(float[][] rows, float[] v, boolean center) {
        int n = rows.length;
        int d = rows[0].length;
        double[] mean = new double[d];
        if (center) {
            for (float[] row : rows) {
                for (int j = 0; j < d; j++) mean[j] += row[j];
            }
            for (int j = 0; j < d; j++) mean[j] /= n;
        }
        double norm = 0;
        for (float x : v) norm += (double) x * x;
        double s = 0;
        for (float[] row : rows) {
            double p = 0;
            for (int j = 0; j < d; j++) p += (row[j] - mean[j]) * v[j];
            s += p * p;
        }
        return s / norm / (n - 1);
    }

    /** {@code rows} flattened row-major. */
    static double[] rowMajor(float[][] rows) {
        int d = rows[0].length;
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) out[i * d + j] = rows[i][j];
        }
        return out;
    }
}
