package io.statewise.actors.worker;

import io.statewise.actors.job.WorkerPool;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** Worker slots as {@link Worker} sharding entities, wherever in the cluster they live. */
public final class ShardedWorkerPool implements WorkerPool {
    private final ClusterSharding sharding;

    public ShardedWorkerPool(ActorSystem<?> system) {
        this.sharding = ClusterSharding.get(system);
    }

    @Override
    public void wakeAll(String jobId, int slots) {
        for (int slot = 0; slot < slots; slot++) {
            sharding.entityRefFor(Worker.TYPE_KEY, Worker.entityId(jobId, slot)).tell(Worker.Wake.INSTANCE);
        }
    }

    @Override
    public void stopAll(String jobId, int slots) {
        for (int slot = 0; slot < slots; slot++) {
            sharding.entityRefFor(Worker.TYPE_KEY, Worker.entityId(jobId, slot)).tell(Worker.JobOver.INSTANCE);
        }
    }
}
