package io.statewise.ops.http;

import io.statewise.actors.job.ModelVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The body of {@code GET /v1/jobs/{id}/versions}: every model version, oldest first. */
public record VersionListDto(String jobId, List<Version> versions) {

    /**
     * One model version.
     *
     * @param version         from 1
     * @param sequenceNr      the event that stored it ({@code ?asOf=} that number gives this model)
     * @param source          {@code training} or {@code tuning}
     * @param hyperparameters finalize-time hyperparameters that differ from the job's (tuned versions)
     */
    public record Version(int version, long sequenceNr, Instant at, String source, Map<String, Double> metrics,
                          Map<String, String> hyperparameters) {}

    /** The DTO of {@code jobId}'s versions. */
    public static VersionListDto from(String jobId, List<ModelVersion> versions) {
        return new VersionListDto(jobId, versions.stream().map(v -> new Version(v.version(), v.sequenceNr(), v.at(),
                v.source(), v.metrics(), v.hyperParameters())).toList());
    }
}
