package io.statewise.algorithms.tuning;

import io.statewise.algorithms.data.Batch;

/**
 * One planned sweep: the candidate models are finalized from the state when it is planned; validation batches, if
 * any, are scored by every candidate in one pass; then the table and the choice. Mutable, single-threaded.
 */
public interface Sweep {

    /** Whether validation batches are scored; when false (or none is given) the scores come from the state alone. */
    boolean readsData();

    /** Scores every record of {@code batch} with every candidate; the batch is not retained. */
    void add(Batch batch);

    /** The table, the choice and its model. */
    TuneResult result();
}
