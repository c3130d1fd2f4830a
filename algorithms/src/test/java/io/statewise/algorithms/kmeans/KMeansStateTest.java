package io.statewise.algorithms.kmeans;

import static io.statewise.algorithms.kmeans.KMeansTesting.kmeans;
import static io.statewise.algorithms.kmeans.KMeansTesting.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.DataSchema;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state's laws: fixed size, no retained batch, partials, finalize without side effects. */
class KMeansStateTest {

    private static DenseBatch randomBatch(int n, int d, long seed) {
        Random random = new Random(seed);
        DenseBatch batch = new DenseBatch(n, d);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) batch.features()[i * d + t] = (float) random.nextGaussian();
            batch.commitRecord();
        }
        return batch;
    }

    @Test
    void sizeDoesNotDependOnRecords() {
        var algorithm = kmeans("k", 10, "mini_batch_size", 1000);
        Codec<KMeansState> codec = algorithm.stateCodec();
        int d = 20;
        KMeansState state = algorithm.startPartial(algorithm.init(new DataSchema(d, false)), 1);
        long size = state.serializedSize();
        assertEquals(size, codec.encode(state).length);
        assertEquals(KMeansStateCodec.encodedSize(100, d), size);
        DenseBatch batch = randomBatch(1000, d, 2);
        long[] checkpoints = {1_000, 100_000, 1_000_000};
        for (long checkpoint : checkpoints) {
            while (state.records() < checkpoint) algorithm.update(state, batch);
            assertEquals(checkpoint, state.records());
            assertEquals(size, state.serializedSize());
            assertEquals(size, codec.encode(state).length);
        }
        assertEquals(1_000_000, state.totalWeight(), 1e-6);
    }

    @Test
    void updateDoesNotRetainTheBatch() {
        var algorithm = kmeans("k", 3, "mini_batch_size", 100);
        Codec<KMeansState> codec = algorithm.stateCodec();
        KMeansState state = algorithm.startPartial(algorithm.init(new DataSchema(4, false)), 1);
        DenseBatch batch = randomBatch(100, 4, 3);
        algorithm.update(state, batch);
        byte[] before = codec.encode(state);
        Arrays.fill(batch.features(), 1e6f);
        batch.clear();
        assertArrayEquals(before, codec.encode(state));
        assertEquals(100, state.records());
    }

    @Test
    void firstRecordsBecomeCentersOfWeightOne() {
        var algorithm = kmeans("k", 2, "extra_center_factor", 5);
        KMeansState state = algorithm.startPartial(algorithm.init(new DataSchema(3, false)), 1);
        algorithm.update(state, randomBatch(4, 3, 4));
        assertEquals(4, state.filled());
        for (int j = 0; j < 4; j++) assertEquals(1.0, state.weight(j));
        algorithm.update(state, randomBatch(50, 3, 5));
        assertEquals(10, state.filled());
        assertEquals(54, state.totalWeight(), 1e-9);
        algorithm.update(state, new DenseBatch(5, 3));
        assertEquals(54, state.records());
    }

    @Test
    void bothInitMethodsPickDistinctRowsOfTheFirstBatch() {
        for (String init : new String[] {"random", "kmeans++"}) {
            var algorithm = kmeans("k", 5, "init_method", init);
            KMeansState state = algorithm.startPartial(algorithm.init(new DataSchema(2, false)), 7);
            DenseBatch batch = randomBatch(1000, 2, 6);
            Set<String> rows = new HashSet<>();
            for (int i = 0; i < 1000; i++) {
                rows.add(Arrays.toString(Arrays.copyOfRange(batch.features(), 2 * i, 2 * i + 2)));
            }
            StreamingSeeding.fill(state, batch, KMeansConfig.from(algorithm.hyperParameters()).initMethod());
            assertEquals(50, state.filled());
            Set<String> centers = new HashSet<>();
            for (int j = 0; j < 50; j++) {
                double[] c = state.center(j);
                String key = Arrays.toString(new float[] {(float) c[0], (float) c[1]});
                assertTrue(rows.contains(key), init + ": center " + key + " is not a row");
                centers.add(key);
            }
            assertEquals(50, centers.size(), init + ": centers are not distinct");
        }
    }

    @Test
    void randomChoicesFollowThePartialSeed() {
        var algorithm = kmeans("k", 2);
        Codec<KMeansState> codec = algorithm.stateCodec();
        KMeansState base = algorithm.init(new DataSchema(3, false));
        DenseBatch batch = randomBatch(500, 3, 8);
        KMeansState a = algorithm.startPartial(base, 1);
        KMeansState b = algorithm.startPartial(base, 1);
        KMeansState c = algorithm.startPartial(base, 2);
        algorithm.update(a, batch);
        algorithm.update(b, batch);
        algorithm.update(c, batch);
        assertArrayEquals(codec.encode(a), codec.encode(b));
        assertNotEquals(Arrays.toString(codec.encode(a)), Arrays.toString(codec.encode(c)));
    }

    @Test
    void laterEpochPartialsCarryTheCentersWithZeroWeight() {
        Blobs data = Blobs.generate(3000, 4, 3, 10, 1.0, 9);
        var algorithm = kmeans("k", 3, "mini_batch_size", 500, "epochs", 2);
        Codec<KMeansState> codec = algorithm.stateCodec();
        KMeansState base = data.onePass(algorithm, 1);
        byte[] baseBytes = codec.encode(base);
        KMeansState partial = algorithm.startPartial(base, 2);
        assertArrayEquals(baseBytes, codec.encode(base));
        assertEquals(0, partial.records());
        assertEquals(base.weightedCenters(), partial.filled());
        assertEquals(0, partial.weightedCenters());
        for (int j = 0, i = 0; j < base.filled(); j++) {
            if (base.weight(j) == 0) continue;
            assertArrayEquals(base.center(j), partial.center(i));
            assertEquals(0.0, partial.weight(i++));
        }
        data.feed(algorithm, partial, 0, 3000);
        assertEquals(3000, partial.records());
        assertEquals(3000, partial.totalWeight(), 1e-9);
        assertTrue(algorithm.startPartial(algorithm.init(data.schema()), 3).filled() == 0);
    }

    @Test
    void finalizeIsRepeatableAndLeavesTheStateAlone() {
        Blobs data = Blobs.generate(5000, 5, 4, 10, 1.0, 10);
        var algorithm = kmeans("k", 4, "mini_batch_size", 500);
        Codec<KMeansState> codec = algorithm.stateCodec();
        KMeansState state = data.onePass(algorithm, 1);
        byte[] before = codec.encode(state);
        KMeansModel first = algorithm.finalize(state);
        KMeansModel second = algorithm.finalize(state);
        assertEquals(first, second);
        assertArrayEquals(before, codec.encode(state));
        assertEquals(4, first.k());
        assertEquals(5, first.featureDimension());
        for (int k : new int[] {1, 7, 40}) assertEquals(k, algorithm.finalize(state, params("k", k)).k());
        assertArrayEquals(before, codec.encode(state));
        KMeansModel otherSeed = algorithm.finalize(state, params("k", 4, "seed", 99));
        assertTrue(data.worstCenterError(otherSeed.centers()) < 0.2);
    }

    @Test
    void finalizeRejectsMoreClustersThanWeightedCenters() {
        var algorithm = kmeans("k", 3);
        KMeansState state = algorithm.startPartial(algorithm.init(new DataSchema(2, false)), 1);
        algorithm.update(state, randomBatch(5, 2, 11));
        InvalidHyperParameterException e = assertThrows(InvalidHyperParameterException.class,
                () -> algorithm.finalize(state, params("k", 6)));
        assertEquals("k", e.parameter());
        assertTrue(e.getMessage().contains("only 5") && e.getMessage().contains("5 records"), e.getMessage());
        assertThrows(InvalidHyperParameterException.class,
                () -> algorithm.finalize(algorithm.init(new DataSchema(2, false))));
        Blobs data = Blobs.generate(2000, 2, 3, 10, 1.0, 12);
        KMeansState full = data.onePass(algorithm, 1);
        assertThrows(InvalidHyperParameterException.class, () -> algorithm.finalize(full, params("k", 31)));
        assertEquals(30, algorithm.finalize(full, params("k", 30)).k());
    }

    @Test
    void batchesOfAnotherDimensionAreRejected() {
        ElasticAlgorithm<KMeansState, KMeansModel> algorithm = kmeans("k", 3);
        KMeansState state = algorithm.init(new DataSchema(2, false));
        assertThrows(IllegalArgumentException.class, () -> algorithm.update(state, randomBatch(5, 3, 1)));
    }
}
