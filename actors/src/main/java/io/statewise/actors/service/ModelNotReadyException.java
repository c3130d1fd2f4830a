package io.statewise.actors.service;

import io.statewise.actors.job.JobPhase;

/** The job has no model (yet, or ever: failed and cancelled jobs). */
public final class ModelNotReadyException extends RuntimeException {
    public ModelNotReadyException(String jobId, JobPhase phase) {
        super("job '" + jobId + "' has no model: it is " + phase.name().toLowerCase(java.util.Locale.ROOT));
    }
}
