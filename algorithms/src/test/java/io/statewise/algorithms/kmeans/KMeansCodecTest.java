package io.statewise.algorithms.kmeans;

import static io.statewise.algorithms.kmeans.KMeansTesting.kmeans;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.data.DenseBatch;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KMeansCodecTest {

    private static final Blobs DATA = Blobs.generate(3000, 4, 3, 10, 1.0, 41);
    private static final ElasticAlgorithm<KMeansState, KMeansModel> ALGORITHM = kmeans("k", 3, "mini_batch_size", 256);
    private static final Codec<KMeansState> STATES = ALGORITHM.stateCodec();
    private static final Codec<KMeansModel> MODELS = ALGORITHM.modelCodec();

    private static void assertSameState(KMeansState expected, KMeansState actual) {
        assertEquals(expected.capacity(), actual.capacity());
        assertEquals(expected.dimension(), actual.dimension());
        assertEquals(expected.filled(), actual.filled());
        assertEquals(expected.records(), actual.records());
        assertEquals(expected.rngState, actual.rngState);
        assertArrayEquals(expected.centers, actual.centers);
        assertArrayEquals(expected.weights, actual.weights);
    }

    @Test
    void stateRoundTripsFieldByField() {
        KMeansState full = DATA.onePass(ALGORITHM, 1);
        assertSameState(full, STATES.decode(STATES.encode(full)));
        KMeansState empty = ALGORITHM.init(DATA.schema());
        assertSameState(empty, STATES.decode(STATES.encode(empty)));
    }

    @Test
    void aDecodedPartiallyFilledStateContinuesIdentically() {
        KMeansState partial = Blobs.feed(ALGORITHM, ALGORITHM.startPartial(ALGORITHM.init(DATA.schema()), 5),
                DATA.rows(), 0, 10);
        KMeansState copy = STATES.decode(STATES.encode(partial));
        Blobs.feed(ALGORITHM, partial, DATA.rows(), 10, 3000);
        Blobs.feed(ALGORITHM, copy, DATA.rows(), 10, 3000);
        assertArrayEquals(STATES.encode(partial), STATES.encode(copy));
    }

    @Test
    void modelRoundTrips() {
        KMeansModel model = ALGORITHM.finalize(DATA.onePass(ALGORITHM, 1));
        KMeansModel decoded = MODELS.decode(MODELS.encode(model));
        assertEquals(model, decoded);
        assertArrayEquals(model.centers(), decoded.centers());
        assertEquals(model, new KMeansProvider().modelCodec().decode(MODELS.encode(model)));
    }

    @Test
    void foreignTruncatedFutureAndInconsistentBytesAreRejected() {
        byte[] state = STATES.encode(DATA.onePass(ALGORITHM, 1));
        byte[] model = MODELS.encode(new KMeansModel(new float[][] {{1, 2}, {3, 4}}));
        assertThrows(CodecException.class, () -> STATES.decode(model));
        assertThrows(CodecException.class, () -> MODELS.decode(state));
        assertThrows(CodecException.class, () -> STATES.decode(new byte[3]));
        for (int cut : new int[] {10, 30, state.length - 1}) {
            assertThrows(CodecException.class, () -> STATES.decode(Arrays.copyOf(state, cut)));
        }
        assertThrows(CodecException.class, () -> MODELS.decode(Arrays.copyOf(model, model.length - 1)));
        assertThrows(CodecException.class, () -> STATES.decode(Arrays.copyOf(state, state.length + 1)));
        byte[] future = state.clone();
        future[6] = 2;
        assertThrows(CodecException.class, () -> STATES.decode(future));
        byte[] futureModel = model.clone();
        futureModel[6] = 2;
        assertThrows(CodecException.class, () -> MODELS.decode(futureModel));
        byte[] overfilled = state.clone();
        overfilled[16] = 127; // filled > capacity
        assertThrows(CodecException.class, () -> STATES.decode(overfilled));
        byte[] notFinite = model.clone();
        Arrays.fill(notFinite, notFinite.length - 4, notFinite.length, (byte) 0xff); // a NaN center value
        assertThrows(CodecException.class, () -> MODELS.decode(notFinite));
    }

    @Test
    void encodedSizeMatchesTheDeclaredSize() {
        KMeansState s = ALGORITHM.init(DATA.schema());
        assertEquals(s.serializedSize(), STATES.encode(s).length);
        DenseBatch batch = new DenseBatch(1, 4);
        batch.commitRecord();
        ALGORITHM.update(s, batch);
        assertEquals(s.serializedSize(), STATES.encode(s).length);
    }
}
