package io.statewise.algorithms;

import io.statewise.algorithms.data.Batch;

/** Accumulates evaluation metrics of one model over batches. Mutable, single-threaded. */
public interface Evaluator {

    /** Scores every record of {@code batch}; the batch is not retained. */
    void add(Batch batch);

    /** Metrics over everything added so far. */
    Metrics result();
}
