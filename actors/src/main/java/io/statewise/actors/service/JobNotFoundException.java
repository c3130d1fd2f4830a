package io.statewise.actors.service;

/** No job has this id. */
public final class JobNotFoundException extends RuntimeException {
    public JobNotFoundException(String jobId) {
        super("no job with id '" + jobId + "'");
    }
}
