package io.statewise.actors.service;

import io.statewise.actors.job.JobPhase;

/** The job has no model (yet, or ever: failed and cancelled jobs). */
public final class ModelNotReadyException extends RuntimeException {
    public ModelNotReadyException(String jobId, JobPhase phase) {
        super("job '" + jobId + "' has no model: it is " + phase.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** No model can be had, for the reason {@code message} gives (e.g. no state to finalize as of an event). */
    public ModelNotReadyException(String message) {
        super(message);
    }
}
