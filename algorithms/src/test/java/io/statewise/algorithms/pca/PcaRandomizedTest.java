package io.statewise.algorithms.pca;

import static io.statewise.algorithms.pca.PcaTesting.alignment;
import static io.statewise.algorithms.pca.PcaTesting.feed;
import static io.statewise.algorithms.pca.PcaTesting.onePass;
import static io.statewise.algorithms.pca.PcaTesting.pca;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.ElasticAlgorithm;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomized mode: components of a well-separated spectrum are found; merging adds sketches exactly. */
class PcaRandomizedTest {

    /** Rank 3 with variances 400, 25, 1.6 (ratios of 16) plus small noise, in 80 dimensions. */
    private static final float[][] ROWS = PcaTesting.lowRankPlusNoise(4000, 80, new double[] {20, 5, 1.25}, 0.05,
            41);
    private static final PcaTesting.Reference REF = PcaTesting.Reference.of(ROWS, true);
    /**
     * {@code m = 40} sketch rows. Components mix within the top subspace by about {@code 1 / sqrt(m)} relative to
     * their eigenvalue gaps (see {@link SignSketch}): with the default {@code m = 13}, the third component's
     * {@code |cos|} ranges over about 0.98 to 0.999 across seeds on these data; with {@code m = 40} it stays above
     * 0.994 on 20 seeds.
     */
    private static final ElasticAlgorithm<PcaState, PcaModel> RANDOMIZED = pca("num_components", 3,
            "algorithm_mode", "randomized", "extra_components", 37, "mini_batch_size", 300, "seed", 7);

    private static void assertAligned(PcaModel model) {
        for (int i = 0; i < 3; i++) {
            double cos = alignment(model.components()[i], REF.components(), i);
            assertTrue(cos > 0.99, "component " + i + ": |cos| = " + cos);
        }
    }

    @Test
    void componentsAlignWithTheTrueTopComponents() {
        PcaState state = onePass(RANDOMIZED, ROWS, 1);
        assertEquals(40, state.capacity());
        PcaModel model = RANDOMIZED.finalize(state);
        assertAligned(model);
        assertEquals("randomized", model.mode());
        // estimates: the dominant variance within 10 % (7 % on 20 seeds), the next within a factor 2 (0.62 to 1.3);
        // the ratios of a sketch sum to at most 1
        double[] variance = model.explainedVariance();
        assertEquals(REF.variances()[0], variance[0], 0.1 * REF.variances()[0]);
        assertTrue(variance[1] > 0.5 * REF.variances()[1] && variance[1] < 2 * REF.variances()[1],
                variance[1] + " vs " + REF.variances()[1]);
        assertTrue(model.explainedVarianceRatioTotal() <= 1 + 1e-12);
    }

    @Test
    void mergeIsTheElementWiseSumAndKeepsQuality() {
        PcaState base = RANDOMIZED.init(PcaTesting.schema(ROWS));
        Random random = new Random(12);
        float[][] first = new float[1500][];
        float[][] second = new float[2500][];
        int[] order = new int[4000];
        for (int i = 0; i < 4000; i++) order[i] = i;
        for (int i = 3999; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < 1500; i++) first[i] = ROWS[order[i]];
        for (int i = 0; i < 2500; i++) second[i] = ROWS[order[1500 + i]];
        PcaState a = feed(RANDOMIZED, RANDOMIZED.startPartial(base, 101), first, 0, first.length, 128);
        PcaState b = feed(RANDOMIZED, RANDOMIZED.startPartial(base, 202), second, 0, second.length, 128);
        SignSketch sa = (SignSketch) a.summary;
        SignSketch sb = (SignSketch) b.summary;
        assertNotEquals(sa.signSeed, sb.signSeed);
        byte[] ea = RANDOMIZED.stateCodec().encode(a);
        PcaState merged = RANDOMIZED.merge(a, b);
        assertArrayEquals(ea, RANDOMIZED.stateCodec().encode(a));
        SignSketch sm = (SignSketch) merged.summary;
        for (int i = 0; i < sm.sketch.length; i++) assertEquals(sa.sketch[i] + sb.sketch[i], sm.sketch[i], 0.0);
        for (int k = 0; k < sm.signSums.length; k++) {
            assertEquals(sa.signSums[k] + sb.signSums[k], sm.signSums[k], 0.0);
        }
        for (int j = 0; j < 80; j++) assertEquals(a.sum[j] + b.sum[j], merged.sum[j], 0.0);
        assertEquals(4000, merged.records());
        assertArrayEquals(RANDOMIZED.stateCodec().encode(merged),
                RANDOMIZED.stateCodec().encode(RANDOMIZED.merge(b, a)));
        assertAligned(RANDOMIZED.finalize(merged));
    }

    @Test
    void signsDependOnlyOnTheSeedAndTheRecordPosition() {
        PcaState base = RANDOMIZED.init(PcaTesting.schema(ROWS));
        PcaState small = feed(RANDOMIZED, RANDOMIZED.startPartial(base, 5), ROWS, 0, 1000, 7);
        PcaState large = feed(RANDOMIZED, RANDOMIZED.startPartial(base, 5), ROWS, 0, 1000, 1000);
        double[] s1 = ((SignSketch) small.summary).sketch;
        double[] s2 = ((SignSketch) large.summary).sketch;
        double max = 0;
        for (double v : s1) max = Math.max(max, Math.abs(v));
        assertArrayEquals(s1, s2, 1e-12 * max);
        assertArrayEquals(((SignSketch) small.summary).signSums, ((SignSketch) large.summary).signSums);
    }

    @Test
    void sparseRowsGiveTheSketchOfTheirDenseEquivalent() {
        float[][] rows = PcaTesting.sparseRows(600, 50, 0.1, 6);
        ElasticAlgorithm<PcaState, PcaModel> algorithm = pca("num_components", 4, "algorithm_mode", "randomized");
        PcaState dense = feed(algorithm, algorithm.init(PcaTesting.schema(rows)), rows, 0, rows.length, 100);
        PcaState sparse = PcaTesting.feedSparse(algorithm, algorithm.init(PcaTesting.schema(rows)), rows, 100);
        assertArrayEquals(((SignSketch) dense.summary).sketch, ((SignSketch) sparse.summary).sketch, 1e-9);
        assertArrayEquals(((SignSketch) dense.summary).signSums, ((SignSketch) sparse.summary).signSums);
    }
}
