package io.statewise.ops.http;

import io.statewise.actors.service.TrainedModel;
import io.statewise.algorithms.Model;
import java.util.Map;

/**
 * The body of {@code GET /v1/jobs/{id}/model}.
 *
 * @param jobId     the job
 * @param algorithm its algorithm
 * @param records   training records the model summarizes
 * @param metrics   validation and test metrics
 * @param model     the algorithm's model record, serialized property by property
 */
public record ModelDto(String jobId, String algorithm, long records, Map<String, Double> metrics, Model model) {

    /** The DTO of a trained model. */
    public static ModelDto from(TrainedModel m) {
        return new ModelDto(m.jobId(), m.algorithm(), m.records(), m.metrics(), m.model());
    }
}
