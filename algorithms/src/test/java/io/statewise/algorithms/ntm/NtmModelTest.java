package io.statewise.algorithms.ntm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.nn.Activation;
import io.statewise.algorithms.nn.BatchNorm;
import io.statewise.algorithms.nn.MatMul;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The model: predictions, top words with and without a vocabulary, its codec, batch-norm folding and the metrics. */
class NtmModelTest {

    private static final NtmTesting.Corpus CORPUS = NtmTesting.lda(3, 30, 10, 300, 0.3, 10, 40, 31);

    private static NtmModel trained(Ntm ntm) {
        NtmState global = ntm.init(CORPUS.schema());
        NtmState partial = ntm.startPartial(global, 1);
        for (Batch b : CORPUS.batches(0, 300, 50)) ntm.update(partial, b);
        return ntm.finalize(ntm.completeEpoch(global, partial));
    }

    @Test
    void predictsTopicProportions() {
        NtmModel model = trained(NtmTesting.ntm("num_topics", 3, "feature_dim", 30));
        float[] doc = new float[30];
        doc[2] = 3;
        doc[7] = 1;
        TopicMixture mix = model.predict(doc);
        assertEquals(3, mix.proportions().length);
        assertEquals(1, Arrays.stream(mix.proportions()).sum(), 1e-5);
        for (double p : mix.proportions()) assertTrue(p <= mix.proportions()[mix.topTopic()]);
        assertThrows(IllegalArgumentException.class, () -> model.predict(new float[29]));
        doc[4] = -1;
        assertThrows(IllegalArgumentException.class, () -> model.predict(doc));
    }

    @Test
    void topicsNameTermsOnceAVocabularyIsPluggedIn() {
        NtmModel model = trained(NtmTesting.ntm("num_topics", 3, "feature_dim", 30));
        assertEquals(3, model.topics().size());
        for (Topic t : model.topics()) {
            assertEquals(NtmModel.TOP_WORDS, t.words().size());
            for (int i = 1; i < t.words().size(); i++) {
                assertTrue(t.words().get(i - 1).weight() >= t.words().get(i).weight());
            }
            assertNull(t.words().get(0).term());
        }
        String[] terms = new String[30];
        for (int w = 0; w < 30; w++) terms[w] = "wörd" + w;
        NtmModel named = model.withVocabulary(terms);
        TopicWord first = named.topics().get(1).words().get(0);
        assertEquals("wörd" + first.word(), first.term());
        assertEquals(model.topics().get(1).words().get(0).word(), first.word());
        NtmModelCodec codec = new NtmModelCodec();
        for (NtmModel m : List.of(model, named)) {
            byte[] bytes = codec.encode(m);
            NtmModel decoded = codec.decode(bytes);
            assertEquals(m, decoded);
            assertArrayEquals(bytes, codec.encode(decoded));
            assertEquals(m.topics(), decoded.topics());
        }
        assertThrows(IllegalArgumentException.class, () -> model.withVocabulary(new String[29]));
    }

    @Test
    void codecsRefuseOtherTypesShapesAndTruncation() {
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "feature_dim", 30);
        byte[] model = ntm.modelCodec().encode(trained(ntm));
        assertThrows(CodecException.class, () -> ntm.modelCodec().decode(Arrays.copyOf(model, model.length - 3)));
        byte[] state = ntm.stateCodec().encode(ntm.init(CORPUS.schema()));
        assertThrows(CodecException.class, () -> ntm.modelCodec().decode(state));
        Ntm other = NtmTesting.ntm("num_topics", 4, "feature_dim", 30);
        CodecException e = assertThrows(CodecException.class, () -> other.stateCodec().decode(state));
        assertTrue(e.getMessage().contains("K=3"), e.getMessage());
        Ntm adam = NtmTesting.ntm("num_topics", 3, "feature_dim", 30, "optimizer", "sgd");
        assertThrows(CodecException.class, () -> adam.stateCodec().decode(state), "another optimizer's moments");
    }

    @Test
    void batchNormFoldsIntoTheModelsDecoder() {
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "feature_dim", 30, "batch_norm", true, "optimizer", "adam",
                "learning_rate", 0.02);
        NtmState global = ntm.init(CORPUS.schema());
        NtmState partial = ntm.startPartial(global, 1);
        for (Batch b : CORPUS.batches(0, 300, 50)) ntm.update(partial, b);
        NtmModel model = ntm.finalize(partial);
        NtmNetwork network = partial.shape.network(Activation.SIGMOID);
        float[] params = partial.parameters();
        Random r = new Random(2);
        float[] theta = new float[4 * 3];
        for (int i = 0; i < theta.length; i++) theta[i] = r.nextFloat();
        float[] pre = new float[4 * 30];
        MatMul.multiply(theta, 4, 3, params, network.decoder.topicWord().offset(), 30, pre);
        BatchNorm norm = network.decoder.norm();
        float[] expected = new float[4 * 30];
        norm.forwardInference(params, pre, 4, expected);
        float[] flat = model.decoderWeights();
        float[] folded = new float[4 * 30];
        MatMul.multiply(theta, 4, 3, flat, 0, 30, folded);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 30; j++) {
                assertEquals(expected[i * 30 + j], folded[i * 30 + j] + flat[3 * 30 + j], 1e-4);
            }
        }
    }

    @Test
    void aStaleWorkersSyncReplacesTheRunningStatisticsInsteadOfAddingItsChange() {
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "feature_dim", 30, "batch_norm", true);
        NtmState base = ntm.init(CORPUS.schema());
        NtmState first = ntm.startPartial(base, 1);
        NtmState stale = ntm.startPartial(base, 2); // both start from the same base
        for (Batch b : CORPUS.batches(0, 100, 50)) ntm.update(first, b);
        for (Batch b : CORPUS.batches(100, 200, 50)) ntm.update(stale, b);
        NtmState moved = ntm.completeEpoch(base, first);
        NtmState global = ntm.completeEpoch(moved, stale); // applied after the global state moved on
        BatchNorm norm = base.shape.network(Activation.SIGMOID).decoder.norm();
        for (int j = norm.runningMean().offset(); j < norm.runningVar().end(); j++) {
            assertEquals(stale.params[j], global.params[j], "statistics are re-estimates: the last sync's, as sent");
        }
        for (int j = norm.runningVar().offset(); j < norm.runningVar().end(); j++) {
            assertTrue(global.params[j] > 0, "a running variance stays positive");
        }
        for (float w : ntm.finalize(global).decoderWeights()) assertTrue(Float.isFinite(w));
    }

    @Test
    void npmiAndDiversityByHand() {
        // 4 documents; topic 0's top words 0, 1, 2: words 0 and 1 always together (NPMI 1), 0 and 2 independent
        // (NPMI 0), 1 and 2 likewise; topic 1's words 3, 4 never together (NPMI -1)
        int[][] docs = {{0, 1, 2, 3}, {0, 1, 4}, {2}, {}};
        DocumentBag bag = new DocumentBag();
        SparseBatch batch = new SparseBatch(4, 5);
        for (int[] d : docs) {
            for (int w : d) batch.add(w, 1);
            batch.commitRecord(0);
        }
        for (int i = 0; i < 4; i++) bag.add(batch, i, DocumentBag.words(batch, i));
        TopicCoherence coherence = new TopicCoherence(new int[][] {{0, 1, 2}, {3, 4}}, 5);
        coherence.add(bag);
        assertEquals(((1 + 0 + 0) / 3.0 + -1) / 2, coherence.npmi(), 1e-12);
        assertEquals(5 / 6.0, TopicCoherence.diversity(new int[][] {{0, 1, 2}, {2, 3, 4}}), 1e-12);
    }
}
