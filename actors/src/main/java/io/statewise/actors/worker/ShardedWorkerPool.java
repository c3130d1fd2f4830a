package io.statewise.actors.worker;

import io.statewise.actors.job.WorkerNodes;
import io.statewise.actors.job.WorkerPool;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Worker slots as {@link Worker} sharding entities, placed by Cluster Sharding on the nodes with the
 * {@value WorkerCapacity#WORKER_ROLE} role; the cluster's worker nodes followed by {@link WorkerNodesWatch}.
 */
public final class ShardedWorkerPool implements WorkerPool {
    private final ClusterSharding sharding;

    public ShardedWorkerPool(ActorSystem<?> system) {
        this.sharding = ClusterSharding.get(system);
    }

    @Override
    public void wakeAll(String jobId, int slots) {
        tell(jobId, 0, slots, Worker.Wake.INSTANCE);
    }

    @Override
    public void stopAll(String jobId, int slots) {
        stop(jobId, 0, slots);
    }

    @Override
    public void stop(String jobId, int fromSlot, int toSlot) {
        tell(jobId, fromSlot, toSlot, Worker.JobOver.INSTANCE);
    }

    @Override
    public Behavior<?> watchWorkerNodes(ActorRef<WorkerNodes> subscriber) {
        return WorkerNodesWatch.create(subscriber);
    }

    private void tell(String jobId, int fromSlot, int toSlot, Worker.Command message) {
        for (int slot = fromSlot; slot < toSlot; slot++) {
            sharding.entityRefFor(Worker.TYPE_KEY, Worker.entityId(jobId, slot)).tell(message);
        }
    }
}
