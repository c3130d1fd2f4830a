package io.statewise.actors.service;

import io.statewise.algorithms.Model;
import java.util.Map;

/**
 * A completed job's model and what is known of it.
 *
 * @param jobId     the job
 * @param algorithm the algorithm
 * @param records   training records the model summarizes
 * @param metrics   validation and test metrics ({@code validation_msd}, {@code test_msd}, ...)
 * @param model     the model (an algorithm-specific record, exported as JSON by the HTTP layer)
 */
public record TrainedModel(String jobId, String algorithm, long records, Map<String, Double> metrics, Model model) {
    public TrainedModel {
        metrics = Map.copyOf(metrics);
    }
}
