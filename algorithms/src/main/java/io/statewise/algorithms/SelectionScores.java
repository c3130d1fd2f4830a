package io.statewise.algorithms;

/**
 * Validation scores of the candidate models of one state, produced by a {@link SelectionScorer}. Scores are sums and
 * counts, so the scores of parts of the validation data add up to the scores of the whole.
 */
public interface SelectionScores {

    /**
     * The scores of both sets of records: sums and counts added; neither argument is modified.
     *
     * @throws IllegalArgumentException if {@code other} is scores of another algorithm or shape
     */
    SelectionScores plus(SelectionScores other);
}
