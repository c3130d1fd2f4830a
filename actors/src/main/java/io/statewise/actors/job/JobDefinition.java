package io.statewise.actors.job;

import io.statewise.persistence.CborSerializable;
import java.util.Optional;

/**
 * What a job was asked to do and how its data was planned (no state, no model): what planning data added to it
 * needs. Empty when no job has the id.
 */
public record JobDefinition(Optional<JobSpec> spec, Optional<JobPlan> plan) implements CborSerializable {

    /** The definition of the job in {@code state}. */
    static JobDefinition of(JobState state) {
        if (state instanceof JobState.Running r) return new JobDefinition(Optional.of(r.spec()), Optional.of(r.plan()));
        if (state instanceof JobState.Online o) return new JobDefinition(Optional.of(o.spec()), Optional.of(o.plan()));
        if (state instanceof JobState.Finished f) {
            return new JobDefinition(Optional.of(f.spec()), Optional.of(f.plan()));
        }
        return new JobDefinition(Optional.empty(), Optional.empty());
    }
}
