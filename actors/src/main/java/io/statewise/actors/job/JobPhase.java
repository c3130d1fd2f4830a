package io.statewise.actors.job;

/** Where a job is in its life. */
public enum JobPhase {
    /** Streaming data through workers. */
    TRAINING,
    /** An online job taking records posted to it; its model is finalized from the current state on demand. */
    ONLINE,
    /** All epochs merged; computing the model and its metrics. */
    FINALIZING,
    /** The model is available. */
    COMPLETED,
    /** Stopped by an error; the reason is in the status. */
    FAILED,
    /** Stopped by a client. */
    CANCELLED;

    /**
     * The phase of a job in {@code state}.
     *
     * @throws IllegalArgumentException for {@link JobState.Empty} (no job)
     */
    public static JobPhase of(JobState state) {
        if (state instanceof JobState.Finished f) return f.phase();
        if (state instanceof JobState.Running r) return r.finalizing() ? FINALIZING : TRAINING;
        if (state instanceof JobState.Online) return ONLINE;
        throw new IllegalArgumentException("no job, no phase");
    }

    /** Whether the job will do no more work. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
