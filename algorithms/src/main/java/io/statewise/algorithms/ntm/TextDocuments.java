package io.statewise.algorithms.ntm;

import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.data.TextBatch;
import io.statewise.algorithms.text.BagOfWords;
import io.statewise.algorithms.text.VocabularyIndex;

/**
 * Tokenized documents as word counts over a fixed vocabulary ({@link BagOfWords}), written into one reused
 * {@link SparseBatch}: training, scoring and prediction read text through it without allocating per document.
 * Documents without an in-vocabulary word stay as empty rows, so rows line up with documents and the NTM counts them
 * as empty documents. Mutable, single-threaded.
 */
final class TextDocuments {

    private final BagOfWords converter;
    private SparseBatch counts;

    /** A converter over {@code index} (immutable, may be shared). */
    TextDocuments(VocabularyIndex index) {
        this.converter = new BagOfWords(index, true);
    }

    /** The counts of {@code documents}' words, row {@code i} for document {@code i}; valid until the next call. */
    SparseBatch convert(TextBatch documents) {
        if (counts == null || counts.capacity() < documents.size()) {
            counts = converter.newBatch(Math.max(documents.size(), documents.capacity()));
        }
        converter.convert(documents, counts);
        return counts;
    }
}
