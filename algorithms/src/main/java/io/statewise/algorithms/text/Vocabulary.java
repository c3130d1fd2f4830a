package io.statewise.algorithms.text;

import io.statewise.algorithms.Model;
import io.statewise.algorithms.Prediction;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The model of the vocabulary pass: the terms to use as features, ordered by document frequency (descending, ties by
 * UTF-8 bytes), so a term's id is its line in SageMaker's {@code vocab.txt} ({@link VocabFile}). Each document
 * frequency is a lower bound from the heavy-hitters summary; the true one is at most {@link #maxError()} higher.
 * Immutable: arrays are copied in and out.
 *
 * @param terms              the terms, distinct; a term's id is its position
 * @param documentFrequencies documents each term occurs in (lower bounds)
 * @param maxError           the most any true document frequency exceeds its stated one (0: all exact)
 * @param documents          documents the vocabulary was built from
 */
public record Vocabulary(List<String> terms, long[] documentFrequencies, long maxError, long documents)
        implements Model {

    /** The registered algorithm name. */
    public static final String ALGORITHM = "vocabulary";

    public Vocabulary {
        terms = List.copyOf(terms);
        Objects.requireNonNull(documentFrequencies, "documentFrequencies");
        if (documentFrequencies.length != terms.size()) {
            throw new IllegalArgumentException(terms.size() + " terms but " + documentFrequencies.length
                    + " document frequencies");
        }
        documentFrequencies = documentFrequencies.clone();
        if (maxError < 0 || documents < 0) throw new IllegalArgumentException("negative maxError or documents");
    }

    /** A copy of the document frequencies. */
    @Override
    public long[] documentFrequencies() {
        return documentFrequencies.clone();
    }

    /** Terms in the vocabulary. */
    public int size() {
        return terms.size();
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    /**
     * The vocabulary size: the feature dimension of the bag-of-words vectors it defines (NTM's {@code feature_dim}).
     */
    @Override
    public int featureDimension() {
        return terms.size();
    }

    /**
     * Not supported: a vocabulary does not score numeric records; map tokens with {@link VocabularyIndex} and
     * {@link BagOfWords}.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public Prediction predict(float[] features) {
        throw new UnsupportedOperationException("a vocabulary does not score records: map documents to term counts "
                + "with BagOfWords over VocabularyIndex.of(vocabulary)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && terms.equals(v.terms) && Arrays.equals(documentFrequencies,
                v.documentFrequencies) && maxError == v.maxError && documents == v.documents;
    }

    @Override
    public int hashCode() {
        return Objects.hash(terms, Arrays.hashCode(documentFrequencies), maxError, documents);
    }

    @Override
    public String toString() {
        return "Vocabulary[" + terms.size() + " terms, " + documents + " documents, maxError=" + maxError + "]";
    }
}
