package io.statewise.ops.cli;

import io.statewise.algorithms.Model;
import java.util.Map;

/**
 * The JSON document {@code statewise train} prints.
 *
 * @param jobId     the job
 * @param algorithm its algorithm
 * @param records   training records the model summarizes
 * @param seconds   wall-clock time from submission to the model
 * @param metrics   validation and test metrics
 * @param model     the algorithm's model record
 */
record TrainResult(String jobId, String algorithm, long records, double seconds, Map<String, Double> metrics,
                   Model model) {}
