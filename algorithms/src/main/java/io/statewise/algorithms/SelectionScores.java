package io.statewise.algorithms;

/** Validation scores of the candidate models of one state, produced by a {@link SelectionScorer}. */
public interface SelectionScores {}
