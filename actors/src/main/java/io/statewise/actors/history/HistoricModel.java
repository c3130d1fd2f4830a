package io.statewise.actors.history;

import io.statewise.algorithms.Model;
import java.util.Map;
import java.util.Optional;

/**
 * A job's model as it was at one event of its history.
 *
 * @param jobId      the job
 * @param algorithm  its algorithm
 * @param sequenceNr the event the model is as of
 * @param version    the stored model version in force at that event; empty when the model was finalized from the
 *                   replayed state (the job had no model version yet, or none at all)
 * @param records    training records merged up to that event
 * @param metrics    the stored version's metrics; empty for a model finalized from a replayed state
 * @param model      the model
 */
public record HistoricModel(String jobId, String algorithm, long sequenceNr, Optional<Integer> version, long records,
                            Map<String, Double> metrics, Model model) {
    public HistoricModel {
        metrics = Map.copyOf(metrics);
    }
}
