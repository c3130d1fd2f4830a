package io.statewise.actors.job;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A model version of a job: every event that stored a model ({@link JobEvent.ModelFinalized} after training,
 * {@link JobEvent.ModelTuned} after tuning) is one, numbered from 1.
 *
 * @param version         the version
 * @param sequenceNr      the event that stored it
 * @param at              when
 * @param source          {@code training} or {@code tuning}
 * @param metrics         the model's metrics as stored with it
 * @param hyperParameters finalize-time hyperparameters that differ from the job's (tuned versions)
 */
public record ModelVersion(int version, long sequenceNr, Instant at, String source, Map<String, Double> metrics,
                           Map<String, String> hyperParameters) {
    public ModelVersion {
        metrics = Map.copyOf(metrics);
        hyperParameters = Map.copyOf(hyperParameters);
    }

    /** The version {@code event} stored, if it stored a model. */
    public static Optional<ModelVersion> of(long sequenceNr, JobEvent event) {
        if (event instanceof JobEvent.ModelFinalized e) {
            return Optional.of(new ModelVersion(e.version().orElse(1), sequenceNr, e.at(), "training", e.metrics(),
                    Map.of()));
        }
        if (event instanceof JobEvent.ModelTuned e) {
            return Optional.of(new ModelVersion(e.version(), sequenceNr, e.at(), "tuning", e.metrics(),
                    e.hyperParameters()));
        }
        return Optional.empty();
    }

    /** The encoded model {@code event} stored, if it stored one. */
    public static Optional<byte[]> model(JobEvent event) {
        if (event instanceof JobEvent.ModelFinalized e) return Optional.of(e.model());
        if (event instanceof JobEvent.ModelTuned e) return Optional.of(e.model());
        return Optional.empty();
    }

    static Optional<Integer> versionOf(JobEvent event) {
        return of(0, event).map(ModelVersion::version);
    }
}
