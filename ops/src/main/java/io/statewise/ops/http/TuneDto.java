package io.statewise.ops.http;

import io.statewise.actors.service.TuneOutcome;
import io.statewise.algorithms.tuning.TuneResult;
import io.statewise.algorithms.tuning.TuneRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a {@code POST /v1/jobs/{id}/tune} answer: the whole table (one row per value: {@code value} and its
 * scores; a score that does not apply is {@code null}), how the choice was made, and the choice with the model version
 * it became.
 */
public record TuneDto(String jobId, String parameter, String selectedBy, List<Map<String, Object>> table,
                      Choice choice) {

    /**
     * The chosen setting.
     *
     * @param value   the chosen value
     * @param version the model version that holds its model ({@code GET /v1/jobs/{id}/model?version=N})
     * @param metrics its scores, stored with the version
     */
    public record Choice(String value, int version, Map<String, Double> metrics) {}

    /** The DTO of a tuning outcome. */
    public static TuneDto from(TuneOutcome outcome) {
        TuneResult r = outcome.result();
        List<Map<String, Object>> table = r.rows().stream().map(TuneDto::row).toList();
        return new TuneDto(outcome.jobId(), r.parameter(), r.selectedBy(), table,
                new Choice(r.chosenValue(), outcome.version(), r.metrics()));
    }

    private static Map<String, Object> row(TuneRow row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", row.value());
        // JSON has no NaN: a score that does not apply is null.
        row.scores().forEach((name, v) -> out.put(name, Double.isFinite(v) ? v : null));
        return out;
    }
}
