package io.statewise.algorithms.text;

import io.statewise.algorithms.Evaluator;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.data.TextBatch;
import java.util.Map;

/**
 * How well a vocabulary covers documents: {@code oov_rate} (tokens outside the vocabulary per token),
 * {@code empty_document_rate} (documents without an in-vocabulary token per document) and {@code documents}. Rates of
 * nothing are NaN. Mutable, single-threaded.
 */
public final class VocabularyEvaluator implements Evaluator {

    private final BagOfWords bagOfWords;
    private SparseBatch scratch;

    /** An evaluator of {@code vocabulary}, which must not be empty. */
    public VocabularyEvaluator(Vocabulary vocabulary) {
        this.bagOfWords = new BagOfWords(VocabularyIndex.of(vocabulary), false);
    }

    /**
     * Counts the tokens and documents of a text batch.
     *
     * @throws IllegalArgumentException if the batch is not a {@link TextBatch}
     */
    @Override
    public void add(Batch batch) {
        if (!(batch instanceof TextBatch text)) {
            throw new IllegalArgumentException("a vocabulary is evaluated on tokenized documents, not a "
                    + batch.getClass().getSimpleName());
        }
        if (scratch == null || scratch.capacity() < text.size()) scratch = bagOfWords.newBatch(text.capacity());
        bagOfWords.convert(text, scratch);
    }

    @Override
    public Metrics result() {
        double tokens = bagOfWords.tokens();
        double documents = bagOfWords.documents();
        return new Metrics(Map.of("oov_rate", tokens == 0 ? Double.NaN : bagOfWords.outOfVocabularyTokens() / tokens,
                "empty_document_rate", documents == 0 ? Double.NaN : bagOfWords.emptyDocuments() / documents,
                "documents", documents));
    }
}
