package io.statewise.algorithms.pca;

import static io.statewise.algorithms.pca.PcaTesting.feed;
import static io.statewise.algorithms.pca.PcaTesting.onePass;
import static io.statewise.algorithms.pca.PcaTesting.pca;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.ElasticAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** Sketch mode: Frequent Directions' covariance guarantee, also after merges, and the quality it implies. */
class PcaSketchTest {

    private static final int N = 2000;
    private static final int D = 50;
    private static final int L = 10;
    /** A decaying spectrum over all 50 dimensions: every sketch row has to compromise. */
    private static final float[][] ROWS = PcaTesting.lowRankPlusNoise(N, D, PcaTesting.geometric(D, 10, 0.9), 0.1,
            23);

    /** {@code l = 10}: num_components 5 and extra_components 5. */
    private static final ElasticAlgorithm<PcaState, PcaModel> SKETCH = pca("num_components", 5,
            "algorithm_mode", "sketch", "extra_components", 5, "mini_batch_size", 64);

    /** {@code A^T A} of the raw rows, {@code d x d}. */
    private static double[] gram(float[][] rows) {
        double[] g = new double[D * D];
        for (float[] row : rows) {
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) g[i * D + j] += (double) row[i] * row[j];
            }
        }
        return g;
    }

    /** Eigenvalues of a symmetric matrix, descending. */
    private static double[] eigenvalues(double[] symmetric, int n) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        eig.decompose(DMatrixRMaj.wrap(n, n, symmetric.clone()));
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = eig.getEigenvalue(i).real;
        java.util.Arrays.sort(values);
        for (int i = 0; i < n / 2; i++) {
            double t = values[i];
            values[i] = values[n - 1 - i];
            values[n - 1 - i] = t;
        }
        return values;
    }

    /**
     * Checks {@code 0 <= A^T A - B^T B} and {@code ||A^T A - B^T B||_2 <= ||A - A_k||_F^2 / (l - k)} for every
     * {@code k < l} (Ghashami et al. 2016, Theorem 1.1).
     */
    private static void assertFrequentDirectionsBound(PcaState state) {
        FrequentDirections fd = (FrequentDirections) state.summary;
        double[] b = fd.sketch();
        int rows = b.length / D;
        double[] diff = gram(ROWS);
        for (int t = 0; t < rows; t++) {
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) diff[i * D + j] -= b[t * D + i] * b[t * D + j];
            }
        }
        double[] errors = eigenvalues(diff, D);
        double[] spectrum = eigenvalues(gram(ROWS), D);
        double scale = spectrum[0];
        assertTrue(errors[D - 1] >= -1e-9 * scale, "B^T B exceeds A^T A: " + errors[D - 1]);
        for (int k = 0; k < L; k++) {
            double tail = 0;
            for (int i = k; i < D; i++) tail += spectrum[i];
            double bound = tail / (L - k);
            assertTrue(errors[0] <= bound * (1 + 1e-9), "k = " + k + ": error " + errors[0] + " > bound " + bound);
        }
        assertTrue(errors[0] > 0, "the sketch should have shrunk something");
    }

    @Test
    void onePassSatisfiesTheFrequentDirectionsBound() {
        PcaState state = onePass(SKETCH, ROWS, 1);
        assertEquals(L, state.capacity());
        assertFrequentDirectionsBound(state);
    }

    @Test
    void mergedSketchesOfRandomPartitionsSatisfyTheBound() {
        PcaState base = SKETCH.init(PcaTesting.schema(ROWS));
        Random random = new Random(8);
        for (int parts : new int[] {2, 3, 7}) {
            List<List<float[]>> split = new ArrayList<>();
            for (int p = 0; p < parts; p++) split.add(new ArrayList<>());
            for (float[] row : ROWS) split.get(random.nextInt(parts)).add(row);
            List<PcaState> pool = new ArrayList<>();
            for (List<float[]> part : split) {
                float[][] rows = part.toArray(new float[0][]);
                pool.add(feed(SKETCH, SKETCH.startPartial(base, random.nextLong()), rows, 0, rows.length, 50));
            }
            while (pool.size() > 1) {
                PcaState a = pool.remove(random.nextInt(pool.size()));
                PcaState b = pool.remove(random.nextInt(pool.size()));
                pool.add(SKETCH.merge(a, b));
            }
            PcaState merged = pool.get(0);
            assertEquals(N, merged.records());
            assertFrequentDirectionsBound(merged);
        }
    }

    @Test
    void withTwiceTheComponentsItCapturesTheTopVarianceOfLowRankPlusNoise() {
        float[][] rows = PcaTesting.lowRankPlusNoise(3000, 60, new double[] {9, 7, 5, 4, 3}, 0.3, 29);
        int k = 5;
        PcaTesting.Reference ref = PcaTesting.Reference.of(rows, true);
        ElasticAlgorithm<PcaState, PcaModel> sketch = pca("num_components", k, "algorithm_mode", "sketch");
        PcaModel model = sketch.finalize(onePass(sketch, rows, 1));
        double captured = 0;
        for (float[] component : model.components()) captured += PcaTesting.varianceAlong(rows, component, true);
        assertTrue(captured >= 0.99 * ref.top(k), captured + " < 0.99 * " + ref.top(k));
        // variances are lower bounds of the data's variance along the same directions, and close
        for (int i = 0; i < k; i++) {
            double actual = PcaTesting.varianceAlong(rows, model.components()[i], true);
            assertTrue(model.explainedVariance()[i] <= actual * (1 + 1e-6));
            assertTrue(model.explainedVariance()[i] >= 0.9 * actual);
        }
        assertTrue(model.explainedVarianceRatioTotal() <= 1);
    }

    @Test
    void mergeKeepsQualityAndLeavesItsArgumentsUnchanged() {
        float[][] rows = PcaTesting.lowRankPlusNoise(3000, 40, new double[] {8, 5, 3}, 0.2, 31);
        ElasticAlgorithm<PcaState, PcaModel> sketch = pca("num_components", 3, "algorithm_mode", "sketch");
        PcaState base = sketch.init(PcaTesting.schema(rows));
        PcaState a = feed(sketch, sketch.startPartial(base, 1), rows, 0, 1700, 100);
        PcaState b = feed(sketch, sketch.startPartial(base, 2), rows, 1700, 3000, 100);
        byte[] ea = sketch.stateCodec().encode(a);
        byte[] eb = sketch.stateCodec().encode(b);
        PcaState merged = sketch.merge(a, b);
        assertArrayEquals(ea, sketch.stateCodec().encode(a));
        assertArrayEquals(eb, sketch.stateCodec().encode(b));
        assertEquals(3000, merged.records());
        PcaTesting.Reference ref = PcaTesting.Reference.of(rows, true);
        PcaModel model = sketch.finalize(merged);
        for (int i = 0; i < 3; i++) {
            assertTrue(PcaTesting.alignment(model.components()[i], ref.components(), i) > 0.99);
        }
        PcaModel reversed = sketch.finalize(sketch.merge(b, a));
        assertArrayEquals(model.explainedVariance(), reversed.explainedVariance(), 1e-6 * ref.variances()[0]);
    }

    @Test
    void theStateSizeIsFixedAndSparseRowsAreSketchedLikeDenseOnes() {
        float[][] rows = PcaTesting.sparseRows(500, 40, 0.1, 4);
        ElasticAlgorithm<PcaState, PcaModel> sketch = pca("num_components", 4, "algorithm_mode", "sketch");
        PcaState empty = sketch.init(PcaTesting.schema(rows));
        long size = empty.serializedSize();
        PcaState dense = feed(sketch, sketch.init(PcaTesting.schema(rows)), rows, 0, rows.length, 64);
        PcaState sparse = PcaTesting.feedSparse(sketch, sketch.init(PcaTesting.schema(rows)), rows, 64);
        assertEquals(size, dense.serializedSize());
        assertEquals(size, sketch.stateCodec().encode(dense).length);
        assertArrayEquals(((FrequentDirections) dense.summary).sketch(), ((FrequentDirections) sparse.summary).sketch(),
                1e-9 * Math.sqrt(dense.sumSquares));
        assertArrayEquals(dense.sum, sparse.sum, 1e-9);
    }

    @Test
    void withAsManyRowsAsFeaturesTheSketchIsExact() {
        float[][] rows = PcaTesting.lowRankPlusNoise(300, 6, new double[] {3, 2, 1}, 0.5, 2);
        ElasticAlgorithm<PcaState, PcaModel> sketch = pca("num_components", 6, "algorithm_mode", "sketch");
        ElasticAlgorithm<PcaState, PcaModel> regular = pca("num_components", 6);
        PcaModel a = sketch.finalize(onePass(sketch, rows, 1));
        PcaModel b = regular.finalize(onePass(regular, rows, 1));
        assertArrayEquals(b.explainedVariance(), a.explainedVariance(), 1e-9 * b.explainedVariance()[0]);
    }
}
