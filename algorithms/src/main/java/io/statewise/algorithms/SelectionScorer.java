package io.statewise.algorithms;

import io.statewise.algorithms.data.Batch;

/**
 * Scores the candidate models held in one state (a linear learner's packed models) over validation batches, so that
 * {@link ElasticAlgorithm#finalize(State, HyperParameters, SelectionScores)} can pick among them on held-out data.
 * Mutable, single-threaded.
 */
public interface SelectionScorer {

    /** Scores every record of {@code batch} with every candidate; the batch is not retained. */
    void add(Batch batch);

    /** The scores accumulated so far. */
    SelectionScores result();
}
