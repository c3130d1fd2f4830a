package io.statewise.actors.tuningjob;

import io.statewise.actors.job.JobPhase;
import io.statewise.persistence.CborSerializable;
import java.util.Optional;

/**
 * One child job of a tuning job: a configuration trained in a rung.
 *
 * @param configuration the index of its configuration
 * @param rung          its rung (0 first)
 * @param jobId         its training job
 * @param epochs        epochs it trains in all (a continued child counts its base's epochs too)
 * @param base          the child of the previous rung it continues, if any
 * @param phase         where the job is; {@link JobPhase#TRAINING} until it finished
 * @param metric        the objective's metric of its model, once finished (empty if it has none)
 * @param cost          records it trained, once finished
 * @param error         why it failed
 */
public record Child(int configuration, int rung, String jobId, int epochs, Optional<String> base, JobPhase phase,
                    Optional<Double> metric, long cost, Optional<String> error) implements CborSerializable {

    public Child {
        base = base == null ? Optional.empty() : base;
        metric = metric == null ? Optional.empty() : metric;
        error = error == null ? Optional.empty() : error;
    }

    /** A child that was just named. */
    static Child started(TuningEvent.ChildStarted e) {
        return new Child(e.configuration(), e.rung(), e.jobId(), e.epochs(), e.base(), JobPhase.TRAINING,
                Optional.empty(), 0, Optional.empty());
    }

    /** This child once its job finished. */
    Child finished(TuningEvent.ChildFinished e) {
        return new Child(configuration, rung, jobId, epochs, base, e.phase(), e.metric(), e.cost(), e.error());
    }

    /** Whether its job finished. */
    public boolean isFinished() {
        return phase.isFinal();
    }

    /** Its metric, NaN without one (what ranking reads). */
    double metricOrNaN() {
        return metric.orElse(Double.NaN);
    }
}
