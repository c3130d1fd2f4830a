package io.statewise.actors.job;

/** Where a job is in its life. */
public enum JobPhase {
    /** Streaming data through workers. */
    TRAINING,
    /** All epochs merged; computing the model and its metrics. */
    FINALIZING,
    /** The model is available. */
    COMPLETED,
    /** Stopped by an error; the reason is in the status. */
    FAILED,
    /** Stopped by a client. */
    CANCELLED;

    /** Whether the job will do no more work. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
