package io.statewise.algorithms.ntm;

import io.statewise.algorithms.SelectionScores;

/**
 * An NTM's validation scores: the negative ELBO summed over the validation documents (at the posterior mean), with
 * the words and documents scored and the empty documents skipped. Immutable.
 *
 * @param loss           summed negative ELBO
 * @param words          words of the scored documents
 * @param documents      documents scored
 * @param emptyDocuments documents without a word (in the vocabulary), skipped
 */
public record NtmScores(double loss, double words, long documents, long emptyDocuments) implements SelectionScores {

    @Override
    public NtmScores plus(SelectionScores other) {
        if (!(other instanceof NtmScores o)) throw new IllegalArgumentException("not NTM scores: " + other);
        return new NtmScores(loss + o.loss, words + o.words, documents + o.documents,
                emptyDocuments + o.emptyDocuments);
    }

    /** The negative ELBO per document, what early stopping compares; NaN without documents. */
    public double meanLoss() {
        return documents == 0 ? Double.NaN : loss / documents;
    }

    /** {@code exp(loss / words)}, the evaluator's perplexity; NaN without words. */
    public double perplexity() {
        return words == 0 ? Double.NaN : Math.exp(loss / words);
    }
}
