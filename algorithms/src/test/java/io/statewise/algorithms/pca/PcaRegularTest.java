package io.statewise.algorithms.pca;

import static io.statewise.algorithms.pca.PcaTesting.alignment;
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
import org.junit.jupiter.api.Test;

/** Regular mode is exact: it matches an SVD of the data matrix, merges exactly and treats sparse rows alike. */
class PcaRegularTest {

    /** 500 x 20 with well-separated scales, so every component is well defined. */
    private static final float[][] ROWS = PcaTesting.lowRankPlusNoise(500, 20,
            PcaTesting.geometric(20, 8, 0.8), 0.0, 17);

    private static void assertMatchesReference(PcaModel model, PcaTesting.Reference ref, int k) {
        double[] variance = model.explainedVariance();
        double[] ratio = model.explainedVarianceRatio();
        float[][] components = model.components();
        for (int i = 0; i < k; i++) {
            assertEquals(ref.variances()[i], variance[i], 1e-6 * ref.variances()[i], "variance " + i);
            assertEquals(ref.variances()[i] / ref.total(), ratio[i], 1e-6, "ratio " + i);
            assertEquals(1, alignment(components[i], ref.components(), i), 1e-6, "component " + i);
        }
    }

    @Test
    void centeredComponentsAndVariancesMatchAnSvdOfTheCenteredData() {
        ElasticAlgorithm<PcaState, PcaModel> algorithm = pca("num_components", 20, "mini_batch_size", 64);
        PcaModel model = algorithm.finalize(onePass(algorithm, ROWS, 1));
        assertMatchesReference(model, PcaTesting.Reference.of(ROWS, true), 20);
        assertEquals(1, model.explainedVarianceRatioTotal(), 1e-9);
        assertEquals("regular", model.mode());
        double[] mean = onePass(algorithm, ROWS, 1).mean();
        for (int j = 0; j < 20; j++) assertEquals(mean[j], model.mean()[j], 1e-6);
    }

    @Test
    void withoutMeanSubtractionTheRawSecondMomentIsDecomposed() {
        ElasticAlgorithm<PcaState, PcaModel> algorithm = pca("num_components", 5, "subtract_mean", false);
        PcaModel model = algorithm.finalize(onePass(algorithm, ROWS, 1));
        assertMatchesReference(model, PcaTesting.Reference.of(ROWS, false), 5);
        assertArrayEquals(new float[20], model.mean());
    }

    @Test
    void mergedPartialsOfRandomPartitionsEqualOnePass() {
        ElasticAlgorithm<PcaState, PcaModel> algorithm = pca("num_components", 6);
        PcaState single = onePass(algorithm, ROWS, 1);
        PcaState base = algorithm.init(PcaTesting.schema(ROWS));
        Random random = new Random(3);
        for (int parts = 2; parts <= 6; parts++) {
            List<List<float[]>> split = new ArrayList<>();
            for (int p = 0; p < parts; p++) split.add(new ArrayList<>());
            for (float[] row : ROWS) split.get(random.nextInt(parts)).add(row);
            PcaState merged = algorithm.startPartial(base, 0);
            for (List<float[]> part : split) {
                if (part.isEmpty()) continue;
                float[][] rows = part.toArray(new float[0][]);
                PcaState partial = feed(algorithm, algorithm.startPartial(base, random.nextLong()), rows, 0,
                        rows.length, 1 + random.nextInt(50));
                merged = random.nextBoolean() ? algorithm.merge(merged, partial) : algorithm.merge(partial, merged);
            }
            assertEquals(single.records(), merged.records());
            assertSameMoments(single, merged, 1e-9);
            PcaModel a = algorithm.finalize(single);
            PcaModel b = algorithm.finalize(merged);
            for (int i = 0; i < 6; i++) {
                assertEquals(a.explainedVariance()[i], b.explainedVariance()[i], 1e-9 * a.explainedVariance()[i]);
                assertEquals(1, alignment(a.components()[i], PcaTesting.rowMajor(b.components()), i), 1e-6);
            }
        }
    }

    @Test
    void mergeLeavesItsArgumentsUnchanged() {
        ElasticAlgorithm<PcaState, PcaModel> algorithm = pca("num_components", 3);
        PcaState a = feed(algorithm, algorithm.init(PcaTesting.schema(ROWS)), ROWS, 0, 200, 50);
        PcaState b = feed(algorithm, algorithm.init(PcaTesting.schema(ROWS)), ROWS, 200, 500, 50);
        byte[] ea = algorithm.stateCodec().encode(a);
        byte[] eb = algorithm.stateCodec().encode(b);
        PcaState merged = algorithm.merge(a, b);
        assertArrayEquals(ea, algorithm.stateCodec().encode(a));
        assertArrayEquals(eb, algorithm.stateCodec().encode(b));
        assertEquals(500, merged.records());
        assertEquals(merged.records(), algorithm.completeEpoch(algorithm.init(PcaTesting.schema(ROWS)), merged)
                .records());
    }

    @Test
    void sparseRowsGiveTheStateOfTheirDenseEquivalent() {
        float[][] rows = PcaTesting.sparseRows(400, 30, 0.15, 9);
        ElasticAlgorithm<PcaState, PcaModel> algorithm = pca("num_components", 4);
        PcaState dense = feed(algorithm, algorithm.init(PcaTesting.schema(rows)), rows, 0, rows.length, 37);
        PcaState sparse = PcaTesting.feedSparse(algorithm, algorithm.init(PcaTesting.schema(rows)), rows, 37);
        assertEquals(dense.records(), sparse.records());
        assertSameMoments(dense, sparse, 1e-9);
        PcaModel a = algorithm.finalize(dense);
        PcaModel b = algorithm.finalize(sparse);
        assertArrayEquals(a.explainedVariance(), b.explainedVariance(), 1e-9 * a.explainedVariance()[0]);
    }

    /** Equal counts, sums and scatter matrices, to {@code tolerance} relative to the largest entry. */
    static void assertSameMoments(PcaState expected, PcaState actual, double tolerance) {
        double scale = 0;
        for (double v : expected.sum) scale = Math.max(scale, Math.abs(v));
        assertArrayEquals(expected.sum, actual.sum, tolerance * scale);
        assertEquals(expected.sumSquares, actual.sumSquares, tolerance * expected.sumSquares);
        double[] e = ((ExactScatter) expected.summary).packed;
        double[] a = ((ExactScatter) actual.summary).packed;
        double max = 0;
        for (double v : e) max = Math.max(max, Math.abs(v));
        assertArrayEquals(e, a, tolerance * max);
        assertTrue(max > 0);
    }
}
