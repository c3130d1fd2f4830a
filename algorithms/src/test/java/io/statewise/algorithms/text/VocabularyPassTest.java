package io.statewise.algorithms.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Algorithms;
import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.TextBatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyPassTest {

    private static final DataSchema TEXT = DataSchema.TEXT;

    @SuppressWarnings("unchecked")
    private static ElasticAlgorithm<VocabularyState, Vocabulary> pass(Map<String, ?> hp) {
        return (ElasticAlgorithm<VocabularyState, Vocabulary>) Algorithms.provider("vocabulary").create(hp);
    }

    private static final TextBatch DOCS = TextBatch.of(
            new String[] {"apple", "apple", "apple", "banana"},
            new String[] {"banana", "cherry"},
            new String[] {"cherry", "banana", "date"},
            new String[] {"apple", "elderberry", "banana"});

    @Test
    void aTermCountsOncePerDocumentAndTiesGoByBytes() {
        var algorithm = pass(Map.of("vocab_size", 3));
        VocabularyState state = algorithm.startPartial(algorithm.init(TEXT), 1);
        algorithm.update(state, DOCS);
        assertEquals(4, state.records());
        assertEquals(10, state.termDocuments());
        Vocabulary v = algorithm.finalize(state);
        assertEquals(List.of("banana", "apple", "cherry"), v.terms());
        assertArrayEquals(new long[] {4, 2, 2}, v.documentFrequencies());
        assertEquals(0, v.maxError());
        assertEquals(4, v.documents());
        assertEquals(3, v.featureDimension());
    }

    @Test
    void finalizeFiltersByMinAndMaxDocumentFrequencyWithoutAnotherPass() {
        var algorithm = pass(Map.of("vocab_size", 10));
        VocabularyState state = algorithm.startPartial(algorithm.init(TEXT), 1);
        algorithm.update(state, DOCS);
        var hp = algorithm.hyperParameters();
        assertEquals(List.of("apple", "cherry"), algorithm.finalize(state, hp.with(Map.of("min_df", 2,
                "max_df_ratio", 0.9))).terms());
        assertEquals(List.of("banana"), algorithm.finalize(state, hp.with(Map.of("vocab_size", 1))).terms());
        assertEquals(5, algorithm.finalize(state).size());
        InvalidHyperParameterException e = assertThrows(InvalidHyperParameterException.class,
                () -> pass(Map.of("vocab_size", 10, "max_df_ratio", 0)));
        assertTrue(e.getMessage().contains("max_df_ratio"), e.getMessage());
    }

    @Test
    void theStateHoldsCapacityFactorTimesVocabSizeCountersOfBoundedTerms() {
        var algorithm = pass(Map.of("vocab_size", 25, "max_term_bytes", 6));
        VocabularyState state = algorithm.startPartial(algorithm.init(TEXT), 1);
        assertEquals(100, state.capacity());
        algorithm.update(state, DOCS);
        assertEquals(1, state.skippedTerms(), "elderberry is too long");
        assertEquals(List.of("banana", "apple", "cherry", "date"), algorithm.finalize(state).terms());
        assertEquals(VocabularyStateCodec.encodedSize(100, 6), state.serializedSize());
        VocabularyState decoded = algorithm.stateCodec().decode(algorithm.stateCodec().encode(state));
        assertEquals(algorithm.finalize(state), algorithm.finalize(decoded));
        assertEquals(1, decoded.skippedTerms());
    }

    @Test
    void numericBatchesAreRejectedAndNumericAlgorithmsRejectText() {
        var algorithm = pass(Map.of("vocab_size", 3));
        VocabularyState state = algorithm.init(TEXT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> algorithm.update(state, new DenseBatch(1, 1)));
        assertTrue(e.getMessage().contains("TextBatch"), e.getMessage());
        var kmeans = Algorithms.provider("kmeans").create(Map.of("k", 1));
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> update(kmeans, DOCS));
        assertTrue(k.getMessage().startsWith("kmeans reads numeric records, not a TextBatch"), k.getMessage());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void update(ElasticAlgorithm algorithm, TextBatch batch) {
        algorithm.update(algorithm.init(new DataSchema(2, false)), batch);
    }

    @Test
    void theEvaluatorReportsOutOfVocabularyAndEmptyDocumentRates() {
        var algorithm = pass(Map.of("vocab_size", 2));
        VocabularyState state = algorithm.startPartial(algorithm.init(TEXT), 1);
        algorithm.update(state, DOCS);
        var evaluator = algorithm.evaluator(algorithm.finalize(state)); // banana, apple
        evaluator.add(DOCS);
        Metrics m = evaluator.result();
        assertEquals(4.0 / 12, m.get("oov_rate"), 1e-12);
        assertEquals(0, m.get("empty_document_rate"));
        assertEquals(4, m.get("documents"));
    }
}
