package io.statewise.ops.http;

import io.statewise.actors.history.HistoricModel;
import io.statewise.algorithms.Model;
import java.util.Map;

/**
 * The body of {@code GET /v1/jobs/{id}/model?asOf=SEQ} and {@code ?version=N}: the model as of one event.
 *
 * @param asOf    the event the model is as of
 * @param version the stored version in force then; {@code null} when the model was finalized from the replayed state
 *                (before the job's first version, or a job that has none)
 */
public record HistoricModelDto(String jobId, String algorithm, long asOf, Integer version, long records,
                               Map<String, Double> metrics, Model model) {

    /** The DTO of a historic model. */
    public static HistoricModelDto from(HistoricModel m) {
        return new HistoricModelDto(m.jobId(), m.algorithm(), m.sequenceNr(), m.version().orElse(null), m.records(),
                m.metrics(), m.model());
    }
}
