package io.statewise.algorithms.pca;

import static io.statewise.algorithms.pca.PcaTesting.feed;
import static io.statewise.algorithms.pca.PcaTesting.onePass;
import static io.statewise.algorithms.pca.PcaTesting.pca;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PCST and PCMD encodings round-trip, refuse foreign or damaged bytes, and have a size fixed by the shape. */
class PcaCodecTest {

    private static final String[] MODES = {"regular", "randomized", "sketch"};
    private static final float[][] ROWS = PcaTesting.lowRankPlusNoise(700, 9, new double[] {4, 2, 1}, 0.3, 13);

    private static ElasticAlgorithm<PcaState, PcaModel> algorithm(String mode) {
        return pca("num_components", 3, "algorithm_mode", mode, "mini_batch_size", 100);
    }

    @Test
    void statesRoundTripAndContinueIdentically() {
        for (String mode : MODES) {
            ElasticAlgorithm<PcaState, PcaModel> algorithm = algorithm(mode);
            Codec<PcaState> codec = algorithm.stateCodec();
            PcaState partial = feed(algorithm, algorithm.startPartial(algorithm.init(PcaTesting.schema(ROWS)), 9),
                    ROWS, 0, 333, 50);
            byte[] bytes = codec.encode(partial);
            PcaState copy = codec.decode(bytes);
            assertArrayEquals(bytes, codec.encode(copy), mode);
            assertEquals(partial.records(), copy.records());
            assertEquals(partial.mode(), copy.mode());
            feed(algorithm, partial, ROWS, 333, 700, 50);
            feed(algorithm, copy, ROWS, 333, 700, 50);
            assertArrayEquals(codec.encode(partial), codec.encode(copy), mode);
            assertEquals(algorithm.finalize(partial), algorithm.finalize(copy));
            PcaState empty = algorithm.init(PcaTesting.schema(ROWS));
            assertArrayEquals(codec.encode(empty), codec.encode(codec.decode(codec.encode(empty))));
        }
    }

    @Test
    void modelsRoundTrip() {
        for (String mode : MODES) {
            ElasticAlgorithm<PcaState, PcaModel> algorithm = algorithm(mode);
            PcaModel model = algorithm.finalize(onePass(algorithm, ROWS, 1));
            PcaModel decoded = algorithm.modelCodec().decode(algorithm.modelCodec().encode(model));
            assertEquals(model, decoded);
            assertEquals(mode, decoded.mode());
            assertEquals(model, new PcaProvider().modelCodec().decode(algorithm.modelCodec().encode(model)));
        }
    }

    @Test
    void foreignTruncatedFutureAndInconsistentBytesAreRejected() {
        for (String mode : MODES) {
            ElasticAlgorithm<PcaState, PcaModel> algorithm = algorithm(mode);
            Codec<PcaState> states = algorithm.stateCodec();
            Codec<PcaModel> models = algorithm.modelCodec();
            byte[] state = states.encode(onePass(algorithm, ROWS, 1));
            byte[] model = models.encode(algorithm.finalize(onePass(algorithm, ROWS, 1)));
            assertThrows(CodecException.class, () -> states.decode(model));
            assertThrows(CodecException.class, () -> models.decode(state));
            assertThrows(CodecException.class, () -> states.decode(new byte[5]));
            for (int cut : new int[] {8, 20, 40, state.length / 2, state.length - 1}) {
                assertThrows(CodecException.class, () -> states.decode(Arrays.copyOf(state, cut)), mode + " " + cut);
            }
            for (int cut : new int[] {12, model.length / 2, model.length - 1}) {
                assertThrows(CodecException.class, () -> models.decode(Arrays.copyOf(model, cut)));
            }
            assertThrows(CodecException.class, () -> states.decode(Arrays.copyOf(state, state.length + 8)));
            byte[] future = state.clone();
            future[6] = 2;
            assertThrows(CodecException.class, () -> states.decode(future));
            byte[] badMode = state.clone();
            badMode[8] = 9;
            assertThrows(CodecException.class, () -> states.decode(badMode));
            byte[] badDimension = state.clone();
            badDimension[9] = 10; // d = 10, but every array holds 9-feature values
            assertThrows(CodecException.class, () -> states.decode(badDimension));
            byte[] badModelMode = model.clone();
            badModelMode[8] = 7;
            assertThrows(CodecException.class, () -> models.decode(badModelMode));
            byte[] notFinite = model.clone();
            Arrays.fill(notFinite, notFinite.length - 4, notFinite.length, (byte) 0xff); // a NaN mean value
            assertThrows(CodecException.class, () -> models.decode(notFinite));
        }
    }

    @Test
    void theEncodedSizeIsTheDeclaredOneAndDoesNotGrowWithRecords() {
        Random random = new Random(2);
        float[][] many = new float[100_000][6];
        for (float[] row : many) {
            for (int j = 0; j < 6; j++) row[j] = (float) random.nextGaussian();
        }
        float[][] few = Arrays.copyOf(many, 1000);
        for (String mode : MODES) {
            ElasticAlgorithm<PcaState, PcaModel> algorithm = pca("num_components", 2, "algorithm_mode", mode,
                    "mini_batch_size", 1000);
            PcaState small = onePass(algorithm, few, 1);
            PcaState large = feed(algorithm, algorithm.init(PcaTesting.schema(many)), many, 0, many.length, 1000);
            assertEquals(100_000, large.records());
            assertEquals(small.serializedSize(), large.serializedSize(), mode);
            assertEquals(small.serializedSize(), algorithm.stateCodec().encode(small).length, mode);
            assertEquals(large.serializedSize(), algorithm.stateCodec().encode(large).length, mode);
            assertEquals(algorithm.init(PcaTesting.schema(few)).serializedSize(), small.serializedSize(), mode);
        }
    }
}
