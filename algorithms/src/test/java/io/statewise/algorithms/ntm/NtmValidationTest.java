package io.statewise.algorithms.ntm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.SelectionScorer;
import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.training.SyncRounds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hooks the runtime calls with validation data: the scorer of the epoch's model (negative ELBO per document),
 * its codec, early stopping on the validation loss, {@code converged} and the epoch report.
 */
class NtmValidationTest {

    private static final NtmTesting.Corpus CORPUS = NtmTesting.lda(3, 30, 10, 400, 0.3, 10, 40, 21);
    private static final NtmTesting.Corpus HELD_OUT = NtmTesting.lda(3, 30, 10, 100, 0.3, 10, 40, 22);
    private static final DataSchema TEXT = DataSchema.TEXT;

    private static Ntm ntm(Object... more) {
        Object[] base = {"num_topics", 3, "mini_batch_size", 25, "optimizer", "adam", "learning_rate", 0.01};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return NtmTesting.ntm(all);
    }

    private static NtmState trainEpoch(Ntm ntm, NtmState global) {
        return new SyncRounds<>(ntm, 2, 8).epoch(CORPUS.schema(), global, CORPUS.splits(4, 25));
    }

    private static NtmScores score(Ntm ntm, NtmState state, List<Batch> batches) {
        SelectionScorer scorer = ntm.selectionScorer(state).orElseThrow();
        for (Batch b : batches) scorer.add(b);
        return (NtmScores) scorer.result();
    }

    @Test
    void theScoreIsTheEvaluatorsLossAndRoundTripsThroughItsCodec() {
        Ntm ntm = ntm();
        NtmState fresh = ntm.init(CORPUS.schema());
        assertTrue(ntm.selectionScorer(fresh).isEmpty(), "nothing to score before training");
        NtmState global = ntm.endEpoch(trainEpoch(ntm, fresh));
        NtmScores scores = score(ntm, global, HELD_OUT.batches(0, 100, 30));
        var evaluator = ntm.evaluator(ntm.finalize(global));
        for (Batch b : HELD_OUT.batches(0, 100, 30)) evaluator.add(b);
        assertEquals(evaluator.result().get("total_loss"), scores.meanLoss(), 1e-9);
        assertEquals(evaluator.result().get("perplexity"), scores.perplexity(), 1e-9);
        assertEquals(evaluator.result().get("documents"), scores.documents());

        Codec<SelectionScores> codec = ntm.selectionScoresCodec();
        assertEquals(scores, codec.decode(codec.encode(scores)));
        byte[] other = NtmTesting.ntm("num_topics", 2, "feature_dim", 5).stateCodec()
                .encode(NtmTesting.ntm("num_topics", 2, "feature_dim", 5).init(new DataSchema(5, false, true)));
        assertThrows(CodecException.class, () -> codec.decode(other));
        // scores of another algorithm
        assertThrows(IllegalArgumentException.class, () -> codec.encode((SelectionScores) s -> s));
    }

    @Test
    void aValidationLossThatStopsImprovingStopsTraining() {
        Ntm ntm = ntm("num_patience_epochs", 2, "epochs", 20);
        NtmScores flat = new NtmScores(500, 100, 10, 0);
        NtmState byValidation = ntm.init(CORPUS.schema());
        NtmState byTraining = ntm.init(CORPUS.schema());
        for (int epoch = 1; epoch <= 3; epoch++) {
            assertFalse(ntm.converged(byValidation));
            byValidation = ntm.endEpoch(trainEpoch(ntm, byValidation), flat);
            byTraining = ntm.endEpoch(trainEpoch(ntm, byTraining));
        }
        assertTrue(byValidation.stopped(), "the same validation loss three times: no improvement twice");
        assertTrue(ntm.converged(byValidation));
        assertFalse(ntm.wantsMore(ntm.startPartial(byValidation, 1)));
        assertFalse(byTraining.stopped(), "the training loss kept improving");
        assertFalse(ntm.converged(byTraining));

        Map<String, Double> report = ntm.epochMetrics(byValidation, Optional.of(flat));
        assertEquals(50, report.get("validation_loss"));
        assertEquals(Math.exp(5), report.get("validation_perplexity"), 1e-9);
        assertEquals(byValidation.lastEpochLoss(), report.get("train_loss"));
        assertEquals((double) byValidation.documents(), report.get("documents"));
        assertEquals(byValidation.emptyDocuments(), report.get("empty_documents"));
        assertEquals(1, report.get("stopped_early"));
        assertFalse(ntm.epochMetrics(byTraining, Optional.empty()).containsKey("validation_loss"));
    }

    @Test
    void trainingEndsAfterItsTrainingEpochs() {
        Ntm ntm = ntm("epochs", 2);
        assertEquals(3, ntm.schedule().epochs(), "room for a vocabulary epoch");
        NtmState global = ntm.init(CORPUS.schema());
        global = ntm.endEpoch(trainEpoch(ntm, global));
        assertFalse(ntm.converged(global));
        global = ntm.endEpoch(trainEpoch(ntm, global));
        assertTrue(ntm.converged(global), "bag-of-words input has no vocabulary epoch: two epochs are all");
        assertEquals(global.records(), trainEpoch(ntm, global).records(), "a further epoch reads nothing");
    }

    @Test
    void theVocabularyEpochReportsItsVocabularyAndIsNotScored() {
        Ntm ntm = ntm("vocab_size", 30);
        NtmState counting = ntm.init(TEXT);
        assertTrue(ntm.selectionScorer(counting).isEmpty());
        assertFalse(ntm.converged(counting));
        assertEquals(Map.of("vocabulary_documents", 0.0, "malformed_utf8_sequences", 0.0),
                ntm.epochMetrics(counting, Optional.empty()));
        NtmState global = ntm.endEpoch(new SyncRounds<>(ntm, 1, 8).epoch(TEXT, counting, CORPUS.textSplits(2, 25)));
        assertTrue(ntm.selectionScorer(global).isEmpty(), "an untrained network is not scored");
        assertEquals(Map.of("vocabulary_documents", 400.0, "vocabulary_size", 30.0, "malformed_utf8_sequences", 0.0),
                ntm.epochMetrics(global, Optional.empty()));
        global = ntm.endEpoch(new SyncRounds<>(ntm, 1, 8).epoch(TEXT, global, CORPUS.textSplits(2, 25)));
        NtmScores text = score(ntm, global, HELD_OUT.text(0, 100, 30));
        assertEquals(NtmTesting.Corpus.rareDocuments(0, 100), text.emptyDocuments());
        assertEquals(100 - text.emptyDocuments(), text.documents());
        assertTrue(text.meanLoss() > 0);
    }
}
