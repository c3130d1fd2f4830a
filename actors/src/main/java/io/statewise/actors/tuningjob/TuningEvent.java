package io.statewise.actors.tuningjob;

import io.statewise.actors.job.JobPhase;
import io.statewise.persistence.CborSerializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What happened to a tuning job. Replaying them rebuilds its state; which child comes next follows from it. */
public sealed interface TuningEvent extends CborSerializable {

    Instant at();

    /**
     * The tuning job was accepted.
     *
     * @param configurations the drawn configurations (searched name to value), in order: replay needs no sampler
     */
    record TuningStarted(String tuningId, TuningSpec spec, List<Map<String, String>> configurations, Instant at)
            implements TuningEvent {}

    /**
     * A child job was named, before it is submitted: after a crash the tuning job finds it by its id, and submits
     * it if it never was.
     *
     * @param base the child of the previous rung it continues, if any
     */
    record ChildStarted(int configuration, int rung, String jobId, int epochs, Optional<String> base, Instant at)
            implements TuningEvent {}

    /**
     * A child job finished.
     *
     * @param metric the objective's metric of its model; empty if it failed or did not report it
     * @param cost   records it trained (over all its epochs)
     */
    record ChildFinished(String jobId, JobPhase phase, Optional<Double> metric, long cost, Optional<String> error,
                         Instant at) implements TuningEvent {}

    /** The last rung finished; {@code bestJobId} is the child with the best metric. */
    record TuningCompleted(String bestJobId, Instant at) implements TuningEvent {}

    /** No child could be ranked (every one failed), or the tuning job was stopped. */
    record TuningFailed(String reason, Instant at) implements TuningEvent {}
}
