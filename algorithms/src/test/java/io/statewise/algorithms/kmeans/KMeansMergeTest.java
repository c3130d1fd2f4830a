package io.statewise.algorithms.kmeans;

import static io.statewise.algorithms.kmeans.KMeansTesting.kmeans;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.data.DataSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Partials of any partition, merged in any order, give the model of one pass over everything. */
class KMeansMergeTest {

    private static final Blobs DATA = Blobs.generate(16_000, 8, 6, 10, 3.0, 31);
    private static final ElasticAlgorithm<KMeansState, KMeansModel> KMEANS = kmeans("k", 6, "mini_batch_size", 500);
    private static final Codec<KMeansState> CODEC = KMEANS.stateCodec();

    private static double ssd(KMeansState state) {
        return LloydKMeans.ssd(DATA.rows(), KMEANS.finalize(state).centers());
    }

    /** Partials of a random partition of the rows into {@code parts} parts. */
    private static List<KMeansState> partials(KMeansState base, int parts, Random random) {
        List<List<float[]>> rows = new ArrayList<>();
        for (int p = 0; p < parts; p++) rows.add(new ArrayList<>());
        for (float[] row : DATA.rows()) rows.get(random.nextInt(parts)).add(row);
        List<KMeansState> out = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            float[][] part = rows.get(p).toArray(new float[0][]);
            out.add(Blobs.feed(KMEANS, KMEANS.startPartial(base, random.nextLong()), part, 0, part.length));
        }
        return out;
    }

    /** Merges states pairwise in a random tree. */
    private static KMeansState mergeRandomly(List<KMeansState> states, Random random) {
        List<KMeansState> pool = new ArrayList<>(states);
        while (pool.size() > 1) {
            KMeansState a = pool.remove(random.nextInt(pool.size()));
            KMeansState b = pool.remove(random.nextInt(pool.size()));
            pool.add(KMEANS.merge(a, b));
        }
        return pool.get(0);
    }

    @Test
    void anyPartitionAndMergeTreeMatchesOneStateWithinTwoPercent() {
        KMeansState base = KMEANS.init(DATA.schema());
        double single = ssd(DATA.onePass(KMEANS, 1));
        Random random = new Random(5);
        for (int parts = 2; parts <= 8; parts++) {
            KMeansState merged = mergeRandomly(partials(base, parts, random), random);
            assertEquals(DATA.rows().length, merged.records());
            assertEquals(DATA.rows().length, merged.totalWeight(), 1e-6);
            double ssd = ssd(merged);
            assertTrue(ssd <= 1.02 * single, parts + " parts: " + ssd + " vs one state " + single);
        }
    }

    @Test
    void mergeIsExactlyCommutativeAndLeavesItsInputsAlone() {
        Random random = new Random(6);
        List<KMeansState> states = partials(KMEANS.init(DATA.schema()), 3, random);
        KMeansState tiny = Blobs.feed(KMEANS, KMEANS.startPartial(KMEANS.init(DATA.schema()), 3), DATA.rows(), 0, 7);
        states.add(tiny);
        states.add(KMEANS.merge(states.get(0), states.get(1)));
        for (KMeansState a : states) {
            for (KMeansState b : states) {
                byte[] aBefore = CODEC.encode(a);
                byte[] bBefore = CODEC.encode(b);
                assertArrayEquals(CODEC.encode(KMEANS.merge(a, b)), CODEC.encode(KMEANS.merge(b, a)));
                assertArrayEquals(aBefore, CODEC.encode(a));
                assertArrayEquals(bBefore, CODEC.encode(b));
            }
        }
    }

    @Test
    void mergeIsAssociativeUpToTheStatedTolerance() {
        Random random = new Random(7);
        List<KMeansState> s = partials(KMEANS.init(DATA.schema()), 3, random);
        KMeansState left = KMEANS.merge(KMEANS.merge(s.get(0), s.get(1)), s.get(2));
        KMeansState right = KMEANS.merge(s.get(0), KMEANS.merge(s.get(1), s.get(2)));
        assertEquals(left.records(), right.records());
        assertEquals(left.totalWeight(), right.totalWeight(), 1e-6);
        double l = ssd(left);
        double r = ssd(right);
        assertTrue(Math.abs(l - r) <= 0.02 * Math.min(l, r), l + " vs " + r);
    }

    @Test
    void smallUnionsAreKeptWholeAndEmptyStatesAreNeutral() {
        KMeansState empty = KMEANS.init(DATA.schema());
        KMeansState a = Blobs.feed(KMEANS, KMEANS.startPartial(empty, 1), DATA.rows(), 0, 20);
        KMeansState b = Blobs.feed(KMEANS, KMEANS.startPartial(empty, 2), DATA.rows(), 20, 50);
        KMeansState ab = KMEANS.merge(a, b);
        assertEquals(50, ab.weightedCenters());
        assertEquals(50, ab.records());
        KMeansState withEmpty = KMEANS.merge(ab, empty);
        assertEquals(50, withEmpty.weightedCenters());
        assertEquals(50, withEmpty.records());
        assertEquals(ab.totalWeight(), withEmpty.totalWeight());
        // the union of 20 + 30 single records, each a center of weight 1
        double[] sum = new double[DATA.dimension()];
        for (int j = 0; j < ab.filled(); j++) {
            assertEquals(1.0, ab.weight(j));
            double[] c = ab.center(j);
            for (int t = 0; t < c.length; t++) sum[t] += c[t];
        }
        for (int t = 0; t < sum.length; t++) {
            double expected = 0;
            for (int i = 0; i < 50; i++) expected += DATA.rows()[i][t];
            assertEquals(expected, sum[t], 1e-4);
        }
    }

    @Test
    void reductionPreservesWeightAndFirstMoment() {
        Random random = new Random(8);
        List<KMeansState> s = partials(KMEANS.init(DATA.schema()), 2, random);
        KMeansState merged = KMEANS.merge(s.get(0), s.get(1));
        assertEquals(merged.capacity(), merged.filled());
        double[] before = moment(s.get(0));
        double[] other = moment(s.get(1));
        double[] after = moment(merged);
        for (int t = 0; t < before.length; t++) assertEquals(before[t] + other[t], after[t], 1e-6 * DATA.rows().length);
    }

    private static double[] moment(KMeansState s) {
        double[] m = new double[s.dimension()];
        for (int j = 0; j < s.filled(); j++) {
            double[] c = s.center(j);
            for (int t = 0; t < c.length; t++) m[t] += s.weight(j) * c[t];
        }
        return m;
    }

    @Test
    void laterEpochsOverSeveralSplitsKeepOrImproveTheSsd() {
        Random random = new Random(9);
        KMeansState state = KMEANS.init(DATA.schema());
        double previous = Double.POSITIVE_INFINITY;
        for (int epoch = 0; epoch < 3; epoch++) {
            KMeansState merged = mergeRandomly(partials(state, 4, random), random);
            state = KMEANS.completeEpoch(state, merged);
            double ssd = ssd(state);
            assertTrue(ssd <= 1.002 * previous, "epoch " + epoch + ": " + ssd + " after " + previous);
            previous = ssd;
        }
    }

    @Test
    void statesOfDifferentShapesDoNotMerge() {
        KMeansState a = KMEANS.init(new DataSchema(3, false));
        KMeansState b = KMEANS.init(new DataSchema(4, false));
        assertThrows(IllegalArgumentException.class, () -> KMEANS.merge(a, b));
    }
}
