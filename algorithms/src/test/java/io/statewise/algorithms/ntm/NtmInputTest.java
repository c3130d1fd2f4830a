package io.statewise.algorithms.ntm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Algorithms;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.InputKind;
import io.statewise.algorithms.data.SparseBatch;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hyperparameters with SageMaker's names and defaults, and what bad input gets: a clear error or a count. */
class NtmInputTest {

    private static final DataSchema SCHEMA = new DataSchema(20, false, true);

    @Test
    void defaultsAreSageMakers() {
        Ntm ntm = (Ntm) Algorithms.provider("ntm").create(Map.of("num_topics", 4, "feature_dim", 20));
        NtmConfig c = ntm.config();
        assertEquals(List.of(12, 8), c.encoderLayers(), "auto = [3K, 2K]");
        assertEquals("sigmoid", c.activation().parameterValue());
        assertEquals(50, c.epochs());
        assertEquals(256, c.miniBatchSize());
        assertEquals(0.001, c.learningRate());
        assertEquals("adadelta", c.optimizer());
        assertEquals(0, c.weightDecay());
        assertEquals(Double.POSITIVE_INFINITY, c.gradientPolicy().clip());
        assertEquals(1.0, c.rescaleGradient());
        assertEquals(false, c.batchNorm());
        assertEquals(3, c.numPatienceEpochs());
        assertEquals(0.001, c.tolerance());
        assertEquals(1.0, c.subSample());
        assertEquals(new SyncPolicy.EveryNBatches(8), ntm.syncPolicy());
        assertEquals(51, ntm.schedule().epochs(), "room for a vocabulary epoch over text");
        assertEquals(50, ntm.schedule(SCHEMA).epochs());
        assertEquals(51, ntm.schedule(DataSchema.TEXT).epochs());
        assertEquals(Set.of(InputKind.NUMERIC, InputKind.TEXT), ntm.inputKinds(), "bags of words and text");
    }

    @Test
    void encoderLayersAndInfiniteClippingInSageMakersSpellings() {
        assertEquals(List.of(50, 20), NtmTesting.ntm("num_topics", 4, "feature_dim", 20, "encoder_layers", "[50, 20]")
                .config().encoderLayers());
        assertEquals(List.of(7), NtmTesting.ntm("num_topics", 4, "feature_dim", 20, "encoder_layers", List.of(7))
                .config().encoderLayers());
        assertEquals(Double.POSITIVE_INFINITY, NtmTesting.ntm("num_topics", 4, "feature_dim", 20, "clip_gradient",
                "Infinity").config().gradientPolicy().clip());
        assertEquals(5.0, NtmTesting.ntm("num_topics", 4, "feature_dim", 20, "clip_gradient", 5).config()
                .gradientPolicy().clip());
        assertEquals(Double.POSITIVE_INFINITY, NtmTesting.ntm("num_topics", 4, "feature_dim", 20).config()
                .gradientPolicy().clip(), "SageMaker's default: no clipping");
        assertEquals(Double.POSITIVE_INFINITY, NtmTesting.ntm("num_topics", 4, "feature_dim", 20, "clip_gradient",
                "inf").config().gradientPolicy().clip());
        InvalidHyperParameterException bounded = assertThrows(InvalidHyperParameterException.class,
                () -> NtmTesting.ntm("num_topics", 4, "feature_dim", 20, "learning_rate", "Infinity"));
        assertEquals("learning_rate", bounded.parameter(), "only a range unbounded above takes infinity");
    }

    @Test
    void badHyperparametersNameTheParameter() {
        assertParameter("num_topics", () -> NtmTesting.ntm("num_topics", 1, "feature_dim", 20));
        assertParameter("num_topics", () -> NtmTesting.ntm("feature_dim", 20));
        assertParameter("feature_dim", () -> NtmTesting.ntm("num_topics", 3, "feature_dim", 0));
        assertParameter("vocab_size", () -> NtmTesting.ntm("num_topics", 3, "feature_dim", 20, "vocab_size", 30));
        assertParameter("encoder_layers", () -> NtmTesting.ntm("num_topics", 3, "feature_dim", 20,
                "encoder_layers", "[10, 0]"));
        assertParameter("encoder_layers_activation", () -> NtmTesting.ntm("num_topics", 3, "feature_dim", 20,
                "encoder_layers_activation", "softmax"));
        assertParameter("optimizer", () -> NtmTesting.ntm("num_topics", 3, "feature_dim", 20, "optimizer", "lbfgs"));
        assertParameter("sub_sample", () -> NtmTesting.ntm("num_topics", 3, "feature_dim", 20, "sub_sample", 0));
    }

    private static void assertParameter(String name, Runnable build) {
        InvalidHyperParameterException e = assertThrows(InvalidHyperParameterException.class, build::run);
        assertEquals(name, e.parameter(), e.getMessage());
    }

    @Test
    void dataOfAnotherDimensionIsRefused() {
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "feature_dim", 20);
        InvalidHyperParameterException e = assertThrows(InvalidHyperParameterException.class,
                () -> ntm.init(new DataSchema(21, false, true)));
        assertEquals("feature_dim", e.parameter());
        assertTrue(e.getMessage().contains("21"), e.getMessage());
        NtmState partial = ntm.startPartial(ntm.init(SCHEMA), 1);
        assertThrows(IllegalArgumentException.class, () -> ntm.update(partial, new SparseBatch(4, 21)));
        assertThrows(IllegalStateException.class, () -> ntm.update(ntm.init(SCHEMA), new SparseBatch(4, 20)));
    }

    @Test
    void negativeCountsAreRefusedBeforeAnythingChanges() {
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "feature_dim", 20);
        NtmState partial = ntm.startPartial(ntm.init(SCHEMA), 1);
        byte[] before = ntm.stateCodec().encode(partial);
        SparseBatch batch = new SparseBatch(4, 20);
        batch.add(3, 2);
        batch.commitRecord(0);
        batch.add(5, -1);
        batch.commitRecord(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ntm.update(partial, batch));
        assertTrue(e.getMessage().contains("record 1") && e.getMessage().contains("word 5"), e.getMessage());
        assertArrayEquals(before, ntm.stateCodec().encode(partial));
    }

    @Test
    void emptyDocumentsAreSkippedAndCounted() {
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "feature_dim", 20, "mini_batch_size", 10);
        SparseBatch batch = new SparseBatch(10, 20);
        for (int d = 0; d < 10; d++) {
            if (d % 3 != 0) batch.add(d, 1 + d);
            batch.commitRecord(0);
        }
        NtmState partial = ntm.startPartial(ntm.init(SCHEMA), 1);
        ntm.update(partial, batch);
        assertEquals(10, partial.records());
        assertEquals(4, partial.emptyDocuments());
        assertEquals(6, partial.documents());
        assertEquals(1, partial.steps());
        SparseBatch allEmpty = new SparseBatch(3, 20);
        for (int d = 0; d < 3; d++) allEmpty.commitRecord(0);
        ntm.update(partial, allEmpty);
        assertEquals(7, partial.emptyDocuments());
        assertEquals(1, partial.steps(), "a batch of empty documents takes no step");
        var evaluator = ntm.evaluator(ntm.finalize(partial));
        evaluator.add(batch);
        assertEquals(4, evaluator.result().get("empty_documents"));
        assertEquals(6, evaluator.result().get("documents"));
    }

    @Test
    void denseCountsTrainLikeTheirSparseForm() {
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "feature_dim", 20, "optimizer", "adam");
        SparseBatch sparse = new SparseBatch(5, 20);
        DenseBatch dense = new DenseBatch(5, 20);
        for (int d = 0; d < 5; d++) {
            for (int w = d; w < 20; w += 3) {
                sparse.add(w, w % 4);
                dense.features()[dense.offset(d) + w] = w % 4;
            }
            sparse.commitRecord(0);
            dense.commitRecord();
        }
        NtmState a = ntm.startPartial(ntm.init(SCHEMA), 9);
        NtmState b = ntm.startPartial(ntm.init(new DataSchema(20, false, false)), 9);
        ntm.update(a, sparse);
        ntm.update(b, dense);
        assertArrayEquals(ntm.stateCodec().encode(a), ntm.stateCodec().encode(b));
    }
}
