package io.statewise.actors.job;

/**
 * How a job reaches its worker slots. In a node these are sharding entities placed anywhere in the cluster
 * ({@link io.statewise.actors.worker.ShardedWorkerPool}); tests substitute probes.
 */
public interface WorkerPool {

    /** Tells slots 0..slots-1 of {@code jobId} to ask for work (starting them if needed). */
    void wakeAll(String jobId, int slots);

    /** Tells slots 0..slots-1 of {@code jobId} that the job is over. */
    void stopAll(String jobId, int slots);
}
