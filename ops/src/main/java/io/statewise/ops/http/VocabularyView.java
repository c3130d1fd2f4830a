package io.statewise.ops.http;

import com.fasterxml.jackson.databind.util.StdConverter;
import io.statewise.algorithms.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link Vocabulary} model: each term with its document frequency, in id order (the line order of
 * {@code vocab.txt}), rather than the record's parallel arrays, so that a client reads a term and its count together.
 *
 * @param size      terms in the vocabulary (the feature dimension of the bag-of-words vectors it defines)
 * @param documents documents the vocabulary was built from
 * @param maxError  the most a true document frequency may exceed the stated one (0: all exact)
 * @param terms     the terms by id
 */
public record VocabularyView(int size, long documents, long maxError, List<Term> terms) {

    /** One term and the documents it occurs in (a lower bound, within {@code max_error}). */
    public record Term(String term, long documentFrequency) {}

    /** The view of {@code vocabulary}. */
    public static VocabularyView of(Vocabulary vocabulary) {
        long[] df = vocabulary.documentFrequencies();
        List<Term> terms = new ArrayList<>(df.length);
        for (int i = 0; i < df.length; i++) terms.add(new Term(vocabulary.terms().get(i), df[i]));
        return new VocabularyView(vocabulary.size(), vocabulary.documents(), vocabulary.maxError(), terms);
    }

    /** Serializes vocabularies through their view ({@link JsonSupport} registers it). */
    static final class Converter extends StdConverter<Vocabulary, VocabularyView> {
        @Override
        public VocabularyView convert(Vocabulary vocabulary) {
            return of(vocabulary);
        }
    }
}
