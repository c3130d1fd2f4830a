package io.statewise.algorithms.ntm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.TextBatch;
import io.statewise.algorithms.text.VocabFile;
import io.statewise.algorithms.training.SyncRounds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NTM over text: the vocabulary epoch (the vocabulary pass's state, merged once per split), training over the frozen
 * vocabulary, topics reported as terms, and a vocabulary given as {@code vocab_file} instead.
 */
class NtmTextTest {

    private static final DataSchema TEXT = DataSchema.TEXT;
    /** K = 5 topics over V = 100 words, rendered as words; 1 document in 150 is a single rare word. */
    private static final NtmTesting.Corpus TRAIN = NtmTesting.lda(5, 100, 10, 3000, 0.2, 40, 100, 11);
    private static final NtmTesting.Corpus TEST = NtmTesting.lda(5, 100, 10, 500, 0.2, 40, 100, 12);

    /** The vocabulary epoch (synced once per split), then {@code epochs} training epochs synced every N batches. */
    private static NtmState train(Ntm ntm, List<List<Batch>> splits, int workers) {
        NtmState global = ntm.init(TEXT);
        assertEquals(SyncPolicy.atEnd(), ntm.syncPolicy(global));
        global = ntm.endEpoch(new SyncRounds<>(ntm, workers, Integer.MAX_VALUE).epoch(TEXT, global, splits));
        assertEquals(new SyncPolicy.EveryNBatches(ntm.config().syncEveryBatches()), ntm.syncPolicy(global));
        return new SyncRounds<>(ntm, workers, ntm.config().syncEveryBatches()).train(TEXT, global, splits,
                ntm.config().epochs());
    }

    @Test
    void trainsOnTextAndRecoversTopicsAsTerms() {
        Ntm ntm = NtmTesting.ntm("num_topics", 5, "vocab_size", 100, "epochs", 25, "mini_batch_size", 64, "seed", 3);
        assertEquals(26, ntm.schedule(TEXT).epochs(), "one vocabulary epoch, then the training epochs");
        NtmState state = train(ntm, TRAIN.textSplits(4, 64), 2);
        assertTrue(ntm.converged(state), "converged after its training epochs");
        assertEquals(25, state.epochsDone());
        int rare = NtmTesting.Corpus.rareDocuments(0, 3000);
        assertEquals(3000, state.vocabularyDocuments());
        assertEquals(25L * rare, state.emptyDocuments(), "documents without a vocabulary word are skipped and counted");
        assertEquals(25L * (3000 - rare), state.documents());

        NtmModel model = ntm.finalize(state);
        assertEquals(100, model.featureDim());
        List<String> vocabulary = Arrays.asList(model.vocabulary());
        for (int w = 0; w < 100; w++) assertTrue(vocabulary.contains(NtmTesting.term(w)), NtmTesting.term(w));
        StringBuilder report = new StringBuilder();
        int worst = 10;
        for (int k = 0; k < 5; k++) {
            List<String> truth = TRAIN.topTerms(k, 10);
            int best = 0;
            for (Topic topic : model.topics()) {
                List<String> learned = topic.words().stream().map(TopicWord::term).toList();
                best = Math.max(best, (int) learned.stream().filter(truth::contains).count());
            }
            worst = Math.min(worst, best);
            report.append("true topic ").append(truth).append(": best overlap ").append(best).append('\n');
        }
        report.append(model.topics());
        assertTrue(worst >= 8, report.toString());

        var evaluator = ntm.evaluator(model);
        for (Batch b : TEST.text(0, 500, 100)) evaluator.add(b);
        Metrics m = evaluator.result();
        assertTrue(m.get("perplexity") < 1.4 * TEST.oraclePerplexity(), m.values() + " vs oracle "
                + TEST.oraclePerplexity());
        assertEquals(NtmTesting.Corpus.rareDocuments(0, 500), m.get("empty_documents"));

        TextBatch documents = (TextBatch) TEST.text(1, 101, 100).get(0);
        List<TopicMixture> mixtures = model.predict(documents);
        assertEquals(100, mixtures.size());
        for (TopicMixture mixture : mixtures) {
            assertEquals(1, Arrays.stream(mixture.proportions()).sum(), 1e-5);
        }
    }

    @Test
    void theVocabularyEpochMergedFromPartialsEqualsOnePass() {
        Ntm ntm = NtmTesting.ntm("num_topics", 5, "vocab_size", 100, "mini_batch_size", 100, "seed", 3);
        NtmState empty = ntm.init(TEXT);
        assertEquals(NtmState.Kind.VOCABULARY, empty.kind());
        NtmState pass = ntm.startPartial(empty, 1);
        for (Batch b : TRAIN.text(0, 3000, 100)) ntm.update(pass, b);
        NtmState one = ntm.completeEpoch(empty, pass);
        NtmState merged = ntm.init(TEXT);
        List<List<Batch>> splits = new ArrayList<>(TRAIN.textSplits(7, 100));
        Collections.reverse(splits);
        for (List<Batch> split : splits) {
            NtmState partial = ntm.startPartial(empty, split.size());
            for (Batch b : split) ntm.update(partial, b);
            merged = ntm.merge(partial, merged);
        }
        NtmState seven = ntm.completeEpoch(empty, merged);
        assertEquals(NtmState.Kind.GLOBAL, seven.kind());
        assertArrayEquals(ntm.stateCodec().encode(one), ntm.stateCodec().encode(seven));
        assertArrayEquals(one.terms(), seven.terms());
        assertEquals(100, seven.terms().length);
        assertTrue(Arrays.stream(seven.terms()).noneMatch(t -> t.startsWith("zz")), "rare terms are left out");
        assertEquals(3000, seven.vocabularyDocuments());
        NtmState decoded = ntm.stateCodec().decode(ntm.stateCodec().encode(seven));
        assertArrayEquals(seven.terms(), decoded.terms());
        assertEquals(seven.serializedSize(), ntm.stateCodec().encode(seven).length);
        assertEquals(empty.serializedSize(), ntm.stateCodec().encode(merged).length, "the vocabulary epoch's size");
    }

    @Test
    void aVocabFileReplacesTheVocabularyEpoch(@TempDir Path dir) {
        List<String> terms = new ArrayList<>();
        for (int w = 0; w < 100; w++) terms.add(NtmTesting.term(w));
        Path file = dir.resolve(VocabFile.FILE_NAME);
        VocabFile.write(terms, file);
        Ntm ntm = NtmTesting.ntm("num_topics", 5, "epochs", 2, "mini_batch_size", 64, "vocab_file", file.toString());
        assertEquals(2, ntm.schedule(TEXT).epochs());
        NtmState global = ntm.init(TEXT);
        assertEquals(NtmState.Kind.GLOBAL, global.kind());
        assertEquals(100, global.shape().vocabulary());
        global = new SyncRounds<>(ntm, 2, 8).train(TEXT, global, TRAIN.textSplits(2, 64), 2);
        assertEquals(2L * NtmTesting.Corpus.rareDocuments(0, 3000), global.emptyDocuments());
        assertNull(global.terms(), "the file's terms are configuration, not state");
        NtmModel model = ntm.finalize(global);
        assertEquals(terms, Arrays.asList(model.vocabulary()));
        assertEquals(terms.get(model.topics().get(0).words().get(0).word()),
                model.topics().get(0).words().get(0).term());

        // the same file names the words of bag-of-words input
        NtmState bags = ntm.init(TRAIN.schema());
        bags = new SyncRounds<>(ntm, 1, 8).train(TRAIN.schema(), bags, TRAIN.splits(2, 64), 1);
        assertEquals(terms, Arrays.asList(ntm.finalize(bags).vocabulary()));
    }

    @Test
    void vocabularySizesThatDisagreeAreClearErrors(@TempDir Path dir) {
        Path file = dir.resolve(VocabFile.FILE_NAME);
        VocabFile.write(List.of("alpha", "beta", "gamma"), file);
        InvalidHyperParameterException e = assertThrows(InvalidHyperParameterException.class,
                () -> NtmTesting.ntm("num_topics", 2, "feature_dim", 4, "vocab_file", file.toString()));
        assertEquals("vocab_file", e.parameter());
        assertTrue(e.getMessage().contains("3 terms") && e.getMessage().contains("feature_dim is 4"), e.getMessage());
        Ntm three = NtmTesting.ntm("num_topics", 2, "vocab_file", file.toString());
        e = assertThrows(InvalidHyperParameterException.class, () -> three.init(new DataSchema(5, false, true)));
        assertEquals("vocab_file", e.parameter());
        e = assertThrows(InvalidHyperParameterException.class,
                () -> NtmTesting.ntm("num_topics", 2, "vocab_file", dir.resolve("missing.txt").toString()));
        assertEquals("vocab_file", e.parameter());

        // feature_dim given for text must be the size of the vocabulary built: here 100 words + 20 rare ones
        Ntm tooWide = NtmTesting.ntm("num_topics", 5, "feature_dim", 150, "mini_batch_size", 100);
        NtmState empty = tooWide.init(TEXT);
        NtmState partial = tooWide.startPartial(empty, 1);
        for (Batch b : TRAIN.text(0, 3000, 100)) tooWide.update(partial, b);
        e = assertThrows(InvalidHyperParameterException.class, () -> tooWide.completeEpoch(empty, partial));
        assertEquals("feature_dim", e.parameter());
        assertTrue(e.getMessage().contains("120 terms"), e.getMessage());
    }

    @Test
    void textNeedsAVocabularyAndTheVocabularyEpochNeedsText() {
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "mini_batch_size", 25);
        NtmState bags = ntm.startPartial(ntm.init(TRAIN.schema()), 1);
        Batch text = TRAIN.text(1, 11, 10).get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ntm.update(bags, text));
        assertTrue(e.getMessage().contains("vocabulary"), e.getMessage());
        NtmModel model = ntm.finalize(bags);
        assertThrows(IllegalArgumentException.class, () -> ntm.evaluator(model).add(text));
        assertThrows(IllegalStateException.class, () -> model.predict((TextBatch) text));
        NtmState counting = ntm.startPartial(ntm.init(TEXT), 1);
        assertThrows(IllegalArgumentException.class, () -> ntm.update(counting, TRAIN.batches(0, 10, 10).get(0)));
        assertThrows(IllegalStateException.class, () -> ntm.finalize(counting), "no term counted yet");
        ntm.update(counting, text);
        assertTrue(ntm.finalize(counting).vocabulary().length > 0, "the untrained model over the terms so far");
    }

    @Test
    void version1And2StatesStillDecode() {
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "feature_dim", 100);
        NtmState trained = new SyncRounds<>(ntm, 1, 8).train(TRAIN.schema(), ntm.init(TRAIN.schema()),
                TRAIN.splits(1, 200).subList(0, 1), 1);
        byte[] v3 = ntm.stateCodec().encode(trained);
        // version 2: no malformed sequence count (long) at the end
        byte[] v2 = Arrays.copyOf(v3, v3.length - 8);
        v2[6] = 2;
        v2[7] = 0;
        assertArrayEquals(v3, ntm.stateCodec().encode(ntm.stateCodec().decode(v2)));
        // version 1: no phase byte after the header, no vocabulary tail (long, int, int) at the end
        byte[] v1 = new byte[v2.length - 1 - 16];
        System.arraycopy(v2, 0, v1, 0, 8);
        v1[6] = 1;
        v1[7] = 0;
        System.arraycopy(v2, 9, v1, 8, v1.length - 8);
        assertArrayEquals(v3, ntm.stateCodec().encode(ntm.stateCodec().decode(v1)));
    }

    @Test
    void malformedUtf8IsCountedInTheVocabularyAndTrainingEpochs() {
        Ntm ntm = NtmTesting.ntm("num_topics", 2, "vocab_size", 4, "epochs", 1, "mini_batch_size", 4, "seed", 1);
        byte[] text = "apple banana cherry\ncherry apple\ndate banana cherry\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bad = Arrays.copyOf(text, text.length + 12);
        // two malformed sequences (a lone continuation byte, a truncated two-byte lead) in a fourth document
        byte[] tail = {'f', 'i', 'g', (byte) 0x80, ' ', 'k', 'i', 'w', 'i', ' ', (byte) 0xC3, '\n'};
        System.arraycopy(tail, 0, bad, text.length, tail.length);
        TextBatch batch = new TextBatch(8);
        io.statewise.algorithms.text.Tokenizer tokenizer =
                new io.statewise.algorithms.text.Tokenizer(io.statewise.algorithms.text.TokenizerConfig.english());
        int from = 0;
        for (int i = 0; i < bad.length; i++) {
            if (bad[i] != '\n') continue;
            tokenizer.tokenize(bad, from, i, batch);
            batch.commitDocument(0);
            from = i + 1;
        }
        assertEquals(2, batch.malformedSequences());
        List<List<Batch>> splits = List.of(List.of(batch));
        NtmState vocabulary = new SyncRounds<>(ntm, 1, Integer.MAX_VALUE).epoch(TEXT, ntm.init(TEXT), splits);
        assertEquals(2.0, ntm.epochMetrics(vocabulary, java.util.Optional.empty()).get("malformed_utf8_sequences"));
        NtmState trained = ntm.endEpoch(vocabulary);
        assertEquals(2.0, ntm.epochMetrics(trained, java.util.Optional.empty()).get("malformed_utf8_sequences"));
        trained = new SyncRounds<>(ntm, 1, ntm.config().syncEveryBatches()).train(TEXT, trained, splits, 1);
        assertEquals(4.0, ntm.epochMetrics(trained, java.util.Optional.empty()).get("malformed_utf8_sequences"),
                "counted in every epoch that reads the text, like empty documents");
        NtmState decoded = ntm.stateCodec().decode(ntm.stateCodec().encode(trained));
        assertEquals(4.0, ntm.epochMetrics(decoded, java.util.Optional.empty()).get("malformed_utf8_sequences"));
    }
}
