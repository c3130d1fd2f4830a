package io.statewise.actors.job;

import io.statewise.actors.worker.Worker;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The worker slots of one job, for its entity: how many it uses (the plan's count, or for {@code parallelism: auto}
 * the cluster's worker slots, followed as membership changes), which split each slot gets from the
 * {@link SplitScheduler}, and waking and stopping the worker entities. Splits leased on nodes that became
 * unreachable, on slots that went away, or abandoned by their worker go back to the queue here, and the workers are
 * woken to take them. Confined to the job's actor, as the scheduler it shares with the job.
 */
final class JobWorkers {

    private final String jobId;
    private final ActorContext<TrainingJob.Command> ctx;
    private final WorkerPool pool;
    private final SplitScheduler scheduler;
    /** Worker slots in use: the plan's, or for {@code parallelism: auto} the cluster's worker slots now. */
    private int slots;
    /** The most slots used since the entity started (all of them are told when the job is over). */
    private int highestSlots;
    /** Worker nodes the failure detector could not reach at the last report. */
    private Set<String> unreachable = Set.of();
    /** The child that reports the cluster's worker nodes, once the job runs. */
    private ActorRef<?> watcher;

    JobWorkers(String jobId, ActorContext<TrainingJob.Command> ctx, WorkerPool pool, SplitScheduler scheduler) {
        this.jobId = jobId;
        this.ctx = ctx;
        this.pool = pool;
        this.scheduler = scheduler;
    }

    /**
     * Starts following the cluster's worker nodes, once per entity: until the first report an auto job runs on the
     * slots planned at submission.
     *
     * @param subscriber where the reports go, created only when the watch starts
     */
    void watch(JobState.Running state, Supplier<ActorRef<WorkerNodes>> subscriber) {
        if (watcher != null) return;
        slots = state.plan().parallelism();
        highestSlots = slots;
        watcher = ctx.spawnAnonymous(pool.watchWorkerNodes(subscriber.get()));
    }

    /** Tells every slot in use to ask for work (starting its entity if needed). */
    void wakeAll() {
        pool.wakeAll(jobId, slots);
    }

    /** Tells every slot ever used that the job is over, and stops watching the cluster. */
    void stopAll() {
        pool.stopAll(jobId, highestSlots);
        if (watcher != null) ctx.stop(watcher);
        watcher = null;
    }

    /**
     * The answer to a slot asking for work: a lease on the next split (as {@code assignment} describes it), nothing
     * yet, or the end (the job is over or finalizing, or the slot is beyond the cluster's shrunken count; its split
     * was re-queued).
     */
    Worker.Command next(JobState state, int slot, ActorRef<Worker.Command> worker,
                        IntFunction<WorkAssignment> assignment) {
        if (!(state instanceof JobState.Running running) || running.finalizing()) return Worker.JobOver.INSTANCE;
        if (followsCluster(running) && slot >= slots) return Worker.JobOver.INSTANCE;
        if (running.epoch() != scheduler.epoch()) scheduler.startEpoch(running);
        OptionalInt splitId = scheduler.lease(slot, nodeOf(worker), System.nanoTime());
        if (splitId.isEmpty()) return Worker.NoWorkYet.INSTANCE;
        return new Worker.Assign(assignment.apply(splitId.getAsInt()));
    }

    /**
     * A second split for {@code slot} while it works on {@code holding} ({@link SplitScheduler#leaseAhead}); none
     * once the job is finalizing, in another epoch, or beyond the slots a cluster-following job runs.
     */
    Optional<Worker.Command> ahead(JobState.Running state, int slot, int holding, ActorRef<Worker.Command> worker,
                                  IntFunction<WorkAssignment> assignment) {
        if (state.finalizing() || state.epoch() != scheduler.epoch()) return Optional.empty();
        if (followsCluster(state) && slot >= slots) return Optional.empty();
        OptionalInt splitId = scheduler.leaseAhead(slot, holding, nodeOf(worker), System.nanoTime());
        if (splitId.isEmpty()) return Optional.empty();
        return Optional.of(new Worker.Ahead(assignment.apply(splitId.getAsInt())));
    }

    /**
     * Membership or reachability changed. Splits leased to workers on nodes that became unreachable are re-queued at
     * once (their leases would expire later; a worker that comes back merely duplicates work, which is merged once).
     * A job with {@code parallelism: auto} follows the cluster's worker slots: it wakes new slots, and stops the
     * slots beyond a smaller count after re-queueing their splits. Splits are spread over the reachable worker nodes
     * ({@link SplitScheduler#preferNodes}).
     */
    void nodesChanged(JobState.Running state, WorkerNodes nodes) {
        scheduler.preferNodes(nodes.up());
        Set<String> lost = new HashSet<>(nodes.unreachable());
        lost.removeAll(unreachable);
        unreachable = nodes.unreachable();
        boolean wake = false;
        if (!lost.isEmpty() && scheduler.releaseNodes(lost) > 0) {
            ctx.getLog().info("job {}: splits of unreachable nodes {} re-queued", jobId, lost);
            wake = true;
        }
        if (followsCluster(state) && nodes.slots() != slots) {
            ctx.getLog().info("job {}: worker slots {} -> {}", jobId, slots, nodes.slots());
            if (nodes.slots() < slots) {
                scheduler.releaseSlotsFrom(nodes.slots());
                pool.stop(jobId, nodes.slots(), slots);
            }
            slots = nodes.slots();
            highestSlots = Math.max(highestSlots, slots);
            wake = true;
        }
        if (wake && !state.finalizing()) wakeAll();
    }

    /** A worker gave its split of {@code epoch} back (its node is leaving, or its shard moved): re-queue it now. */
    void abandoned(int epoch, int splitId, int slot) {
        if (epoch == scheduler.epoch() && scheduler.release(splitId, slot) > 0) wakeAll();
    }

    /** Re-queues the splits whose leases expired (a worker stopped reporting on a reachable node). */
    void expireLeases(JobState.Running state) {
        if (!state.finalizing() && scheduler.expireLeases(System.nanoTime()) > 0) {
            ctx.getLog().info("job {}: leases expired, splits re-queued", jobId);
            wakeAll();
        }
    }

    /** The cluster node of a worker: its reference's address, or this node's for a local worker. */
    String nodeOf(ActorRef<?> worker) {
        Address address = worker.path().address();
        return (address.hasGlobalScope() ? address : ctx.getSystem().address()).toString();
    }

    /** Whether the job's slot count follows the cluster ({@code parallelism: auto}) rather than a fixed number. */
    private static boolean followsCluster(JobState.Running state) {
        return state.spec().parallelism() == 0;
    }
}
