package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LLST and LLMD round trips for every kind of state and every predictor type; bad bytes are refused. */
class LinearCodecTest {

    private static final LinearTesting.Data DATA = LinearTesting.logistic(600, new double[] {1, -1, 0.5}, 0, 111);
    private static final LinearLearner ALGORITHM = learner("predictor_type", "binary_classifier", "mini_batch_size",
            100, "epochs", 2, "num_models", 5);
    private static final Codec<LinearState> STATES = ALGORITHM.stateCodec();

    private static LinearState[] everyKind() {
        List<Batch> batches = DATA.batches(100, false);
        DataSchema schema = DATA.schema(false);
        LinearState empty = ALGORITHM.init(schema);
        LinearState scaling = ALGORITHM.startPartial(empty, 1);
        ALGORITHM.update(scaling, batches.get(0));
        LinearState model = ALGORITHM.completeEpoch(empty, scaling);
        LinearState live = ALGORITHM.startPartial(model, 2);
        ALGORITHM.update(live, batches.get(1));
        LinearState other = ALGORITHM.startPartial(model, 3);
        ALGORITHM.update(other, batches.get(2));
        LinearState merged = ALGORITHM.merge(live, other);
        LinearState trained = ALGORITHM.endEpoch(ALGORITHM.completeEpoch(model, merged));
        return new LinearState[] {empty, scaling, model, live, merged, trained};
    }

    @Test
    void everyKindRoundTripsAndHasTheDeclaredFixedSize() {
        long size = -1;
        for (LinearState s : everyKind()) {
            byte[] bytes = STATES.encode(s);
            if (size < 0) size = bytes.length;
            assertEquals(size, bytes.length, s.toString());
            assertEquals(s.serializedSize(), bytes.length);
            LinearState decoded = STATES.decode(bytes);
            assertArrayEquals(bytes, STATES.encode(decoded), s.toString());
            assertEquals(s.kind(), decoded.kind());
            assertEquals(s.records(), decoded.records());
        }
        LinearState trained = everyKind()[5];
        assertEquals(ALGORITHM.finalize(trained), ALGORITHM.finalize(STATES.decode(STATES.encode(trained))));
        LinearState again = ALGORITHM.startPartial(STATES.decode(STATES.encode(trained)), 4);
        LinearState original = ALGORITHM.startPartial(trained, 4);
        for (Batch b : DATA.batches(100, false)) {
            ALGORITHM.update(again, b);
            ALGORITHM.update(original, b);
        }
        assertArrayEquals(STATES.encode(original), STATES.encode(again));
    }

    @Test
    void modelsOfEveryPredictorTypeRoundTrip() {
        LinearModel binary = ALGORITHM.finalize(everyKind()[5]);
        LinearModel regression = new LinearModel(PredictorType.REGRESSOR, new float[][] {{1, -2}}, new float[] {3},
                0.5, 1, new PackedSetting(0.1, 0, 1e-4), new double[] {0.3, 0.2, Double.NaN}, new int[] {2});
        LinearModel multi = new LinearModel(PredictorType.MULTICLASS_CLASSIFIER,
                new float[][] {{1, 0}, {0, 1}, {-1, -1}}, new float[] {0, 0.5f, 1}, 0.5, 0,
                new PackedSetting(0.01, 1e-3, 0), new double[] {0.1}, new int[0]);
        for (LinearModel m : new LinearModel[] {binary, regression, multi}) {
            byte[] bytes = ALGORITHM.modelCodec().encode(m);
            LinearModel decoded = new LinearLearnerProvider().modelCodec().decode(bytes);
            assertEquals(m, decoded);
            assertArrayEquals(bytes, ALGORITHM.modelCodec().encode(decoded));
            assertEquals(m.predict(new float[m.featureDimension()]), decoded.predict(new float[m.featureDimension()]));
        }
    }

    @Test
    void foreignTruncatedFutureAndMismatchedBytesAreRefused() {
        byte[] state = STATES.encode(everyKind()[2]);
        byte[] model = ALGORITHM.modelCodec().encode(ALGORITHM.finalize(everyKind()[5]));
        assertThrows(CodecException.class, () -> STATES.decode(model));
        assertThrows(CodecException.class, () -> ALGORITHM.modelCodec().decode(state));
        for (int cut : new int[] {3, 20, state.length / 2, state.length - 1}) {
            assertThrows(CodecException.class, () -> STATES.decode(Arrays.copyOf(state, cut)));
        }
        assertThrows(CodecException.class, () -> STATES.decode(Arrays.copyOf(state, state.length + 1)));
        assertThrows(CodecException.class, () -> ALGORITHM.modelCodec().decode(Arrays.copyOf(model, model.length - 2)));
        byte[] future = state.clone();
        future[6] = 2;
        assertThrows(CodecException.class, () -> STATES.decode(future));
        LinearLearner other = learner("predictor_type", "binary_classifier", "num_models", 6);
        CodecException e = assertThrows(CodecException.class, () -> other.stateCodec().decode(state));
        assertEquals(true, e.getMessage().contains("does not belong to this configuration"));
        byte[] badKind = state.clone();
        badKind[8 + 20] = 9;
        assertThrows(CodecException.class, () -> STATES.decode(badKind));
    }
}
