package io.statewise.algorithms.kmeans;

import static io.statewise.algorithms.kmeans.KMeansTesting.kmeans;
import static io.statewise.algorithms.kmeans.KMeansTesting.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.ElasticAlgorithm;
import org.junit.jupiter.api.Test;

/** Single-pass quality against full-batch Lloyd on seeded Gaussian blobs. */
class KMeansQualityTest {

    private static final Blobs SEPARATED = Blobs.generate(20_000, 10, 8, 10, 1.0, 11);
    private static final Blobs OVERLAPPING = Blobs.generate(20_000, 10, 8, 10, 4.0, 12);

    private static double streamingSsd(Blobs data, ElasticAlgorithm<KMeansState, KMeansModel> algorithm) {
        KMeansModel model = algorithm.finalize(data.onePass(algorithm, 5));
        return LloydKMeans.ssd(data.rows(), model.centers());
    }

    @Test
    void onePassMatchesFullBatchLloydAndRecoversTheCenters() {
        var algorithm = kmeans("k", 8, "mini_batch_size", 1000);
        KMeansModel model = algorithm.finalize(SEPARATED.onePass(algorithm, 1));
        double ssd = LloydKMeans.ssd(SEPARATED.rows(), model.centers());
        double best = LloydKMeans.bestOf(SEPARATED.rows(), 8, 5, 100, 1e-6, 3).ssd();
        assertTrue(ssd <= 1.01 * best, ssd + " vs Lloyd " + best);
        assertTrue(SEPARATED.worstCenterError(model.centers()) < 0.15,
                "center error " + SEPARATED.worstCenterError(model.centers()));
    }

    @Test
    void onePassOnOverlappingClustersIsWithinThreePercentOfLloyd() {
        double best = LloydKMeans.bestOf(OVERLAPPING.rows(), 8, 5, 100, 1e-6, 3).ssd();
        double random = streamingSsd(OVERLAPPING, kmeans("k", 8, "mini_batch_size", 1000));
        double plusPlus = streamingSsd(OVERLAPPING, kmeans("k", 8, "mini_batch_size", 1000,
                "init_method", "kmeans++"));
        double randomFinalize = streamingSsd(OVERLAPPING, kmeans("k", 8, "mini_batch_size", 1000,
                "local_lloyd_init_method", "random", "local_lloyd_num_trials", 20));
        assertTrue(random <= 1.03 * best, random + " vs Lloyd " + best);
        assertTrue(plusPlus <= 1.03 * best, plusPlus + " vs Lloyd " + best);
        assertTrue(randomFinalize <= 1.03 * best, randomFinalize + " vs Lloyd " + best);
    }

    @Test
    void moreEpochsKeepOrImproveTheSsd() {
        var algorithm = kmeans("k", 8, "mini_batch_size", 1000, "epochs", 3);
        KMeansState state = algorithm.init(OVERLAPPING.schema());
        double previous = Double.POSITIVE_INFINITY;
        for (int epoch = 0; epoch < 3; epoch++) {
            KMeansState partial = OVERLAPPING.feed(algorithm, algorithm.startPartial(state, epoch),
                    0, OVERLAPPING.rows().length);
            state = algorithm.completeEpoch(state, partial);
            assertEquals(OVERLAPPING.rows().length, state.records());
            double ssd = LloydKMeans.ssd(OVERLAPPING.rows(), algorithm.finalize(state).centers());
            assertTrue(ssd <= previous * 1.002, "epoch " + epoch + ": " + ssd + " after " + previous);
            previous = ssd;
        }
    }

    @Test
    void halfLifeDecaysWeightsAndFollowsDrift() {
        int h = 2000;
        var algorithm = kmeans("k", 1, "extra_center_factor", 2, "mini_batch_size", 500, "half_life_time_size", h);
        Blobs before = Blobs.generate(10_000, 3, 1, 10, 0.5, 21);
        Blobs after = Blobs.generate(20_000, 3, 1, 10, 0.5, 22);
        KMeansState state = algorithm.startPartial(algorithm.init(before.schema()), 1);
        before.feed(algorithm, state, 0, 10_000);
        after.feed(algorithm, state, 0, 20_000);
        double expected = 0;
        for (int b = 0; b < 60; b++) expected = expected * Math.pow(0.5, 500.0 / h) + 500;
        assertEquals(expected, state.totalWeight(), 1e-9 * expected);
        assertEquals(30_000, state.records());
        float[][] decayed = algorithm.finalize(state).centers();
        // the old data keep 2^-10 of their weight: the center is that close to the new data's
        assertTrue(after.worstCenterError(decayed) < 0.1, "decayed center: " + after.worstCenterError(decayed));

        var noDecay = kmeans("k", 1, "extra_center_factor", 2, "mini_batch_size", 500);
        KMeansState plain = noDecay.startPartial(noDecay.init(before.schema()), 1);
        before.feed(noDecay, plain, 0, 10_000);
        after.feed(noDecay, plain, 0, 20_000);
        assertEquals(30_000, plain.totalWeight(), 1e-9);
        assertTrue(after.worstCenterError(noDecay.finalize(plain).centers()) > 1, "without decay, the mean of all");
    }

    @Test
    void finalizeToSeveralKFromOneState() {
        var algorithm = kmeans("k", 8, "mini_batch_size", 1000);
        KMeansState state = SEPARATED.onePass(algorithm, 2);
        double previous = Double.POSITIVE_INFINITY;
        for (int k : new int[] {2, 4, 8, 16, 80}) {
            KMeansModel model = algorithm.finalize(state, params("k", k));
            assertEquals(k, model.k());
            double ssd = LloydKMeans.ssd(SEPARATED.rows(), model.centers());
            assertTrue(ssd < previous, "k = " + k + ": " + ssd + " not below " + previous);
            previous = ssd;
        }
    }

    @Test
    void lloydReferenceRecoversTheCenters() {
        LloydKMeans.Result r = LloydKMeans.bestOf(SEPARATED.rows(), 8, 10, 100, 1e-6, 9);
        assertTrue(SEPARATED.worstCenterError(r.centers()) < 0.15);
        assertEquals(LloydKMeans.ssd(SEPARATED.rows(), r.centers()), r.ssd(), 1e-9 * r.ssd());
        assertTrue(r.iterations() >= 1);
        double expected = SEPARATED.rows().length * 10 * 1.0;
        assertEquals(expected, r.ssd(), 0.03 * expected);
    }
}
