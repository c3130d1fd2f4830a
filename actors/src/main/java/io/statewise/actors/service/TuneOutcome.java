package io.statewise.actors.service;

import io.statewise.algorithms.tuning.TuneResult;

/**
 * A tuning of a completed job: the sweep's table and choice, and the model version the choice became.
 *
 * @param jobId   the job
 * @param result  the table, the chosen row and its model
 * @param version the new model version holding the chosen model
 */
public record TuneOutcome(String jobId, TuneResult result, int version) {}
