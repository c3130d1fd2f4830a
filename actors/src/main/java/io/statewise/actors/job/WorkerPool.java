package io.statewise.actors.job;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * How a job reaches its worker slots. In a node these are sharding entities placed on the cluster's worker nodes
 * ({@link io.statewise.actors.worker.ShardedWorkerPool}); tests substitute probes.
 */
public interface WorkerPool {

    /** Tells slots 0..slots-1 of {@code jobId} to ask for work (starting them if needed). */
    void wakeAll(String jobId, int slots);

    /** Tells slots 0..slots-1 of {@code jobId} that the job is over. */
    void stopAll(String jobId, int slots);

    /** Tells slots fromSlot..toSlot-1 of {@code jobId} that the job is over for them (the cluster shrank). */
    default void stop(String jobId, int fromSlot, int toSlot) {}

    /**
     * A behavior each job with {@code parallelism: auto} spawns as its child: it sends {@code subscriber} the
     * cluster's {@link WorkerNodes} now and after every change of membership or reachability. By default it never
     * does, and such jobs keep the slot count planned at submission.
     */
    default Behavior<?> watchWorkerNodes(ActorRef<WorkerNodes> subscriber) {
        return Behaviors.empty();
    }
}
