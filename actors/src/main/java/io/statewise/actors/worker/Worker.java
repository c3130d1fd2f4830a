package io.statewise.actors.worker;

import io.statewise.actors.Failures;
import io.statewise.actors.job.JobSettings;
import io.statewise.actors.job.TrainingJob;
import io.statewise.actors.job.WorkAssignment;
import io.statewise.algorithms.data.SplitCache;
import io.statewise.algorithms.training.SplitCancelledException;
import io.statewise.algorithms.training.SplitSession;
import io.statewise.algorithms.training.Trainer;
import io.statewise.persistence.CborSerializable;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * One worker slot of one job (sharding entity type {@code worker}, id {@code <jobId>~<slot>}); not persistent.
 *
 * <p>It pulls a split from its job, streams it through the algorithm's {@code update} on the compute dispatcher
 * (never on the actor thread), reports progress while it works (which renews its lease), and sends the partial state
 * back; the job answers with the next split. For splits merged at their end the worker holds the next split while it
 * works on one ({@link Ahead}), so it goes on at once instead of waiting for the job to merge, persist and answer. In
 * epochs that sync every N batches it sends a partial after every N mini-batches and continues the open split from
 * the global state the job returns (the parameter-server loop). When nothing is waiting it asks again after a short
 * delay, and it stops when the job says it is over.
 */
public final class Worker extends AbstractBehavior<Worker.Command> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "worker");

    /** The worker's protocol. */
    public sealed interface Command extends CborSerializable {}

    /** Ask the job for work unless already busy. */
    public enum Wake implements Command { INSTANCE }

    /** Process this split. */
    public record Assign(WorkAssignment work) implements Command {}

    /** The split to start when the current one is done (the answer to {@link TrainingJob.RequestAhead}). */
    public record Ahead(WorkAssignment work) implements Command {}

    /** Every split is leased or merged: ask again later. */
    public enum NoWorkYet implements Command { INSTANCE }

    /** The job is completed, failed or cancelled: abandon any split and stop. */
    public enum JobOver implements Command { INSTANCE }

    private enum ProgressTick implements Command { INSTANCE }

    private enum Retry implements Command { INSTANCE }

    /** The job did not answer a finished split or segment in time. */
    private enum ReplyOverdue implements Command { INSTANCE }

    /** Continue the current split from this global state (the job's answer to a segment). */
    public record Continue(byte[] base) implements Command {}

    private record Processed(WorkAssignment work, SplitSession session, int segment, byte[] partial, long records,
                             long badRecords, boolean finished) implements Command {}

    private record ProcessingFailed(WorkAssignment work, String reason, boolean cancelled) implements Command {}

    /** The entity id of {@code slot} of {@code jobId}. */
    public static String entityId(String jobId, int slot) {
        return jobId + "~" + slot;
    }

    /** Registers the entity type with Cluster Sharding; its workers parse every split they read. */
    public static void init(ActorSystem<?> system, JobSettings settings) {
        init(system, settings, Optional.empty());
    }

    /**
     * Registers the entity type with Cluster Sharding.
     *
     * @param splitCache the node's cache of parsed splits, which its workers read through (see
     *                   {@link SplitCacheSettings})
     */
    public static void init(ActorSystem<?> system, JobSettings settings, Optional<SplitCache> splitCache) {
        // Only nodes with the worker role host workers; the others (API-only, job-only nodes) reach them by proxy.
        ClusterSharding.get(system).init(Entity.of(TYPE_KEY,
                ctx -> create(ctx.getEntityId(), settings, splitCache)).withRole(WorkerCapacity.WORKER_ROLE));
    }

    /** The behavior of the worker entity {@code entityId}, without a split cache. */
    public static Behavior<Command> create(String entityId, JobSettings settings) {
        return create(entityId, settings, Optional.empty());
    }

    /** The behavior of the worker entity {@code entityId}. */
    public static Behavior<Command> create(String entityId, JobSettings settings, Optional<SplitCache> splitCache) {
        int sep = entityId.lastIndexOf('~');
        if (sep < 0) throw new IllegalArgumentException("worker id must be <jobId>~<slot>: " + entityId);
        String jobId = entityId.substring(0, sep);
        int slot = Integer.parseInt(entityId.substring(sep + 1));
        return Behaviors.setup(ctx -> Behaviors.withTimers(
                timers -> new Worker(ctx, timers, settings, jobId, slot, splitCache)));
    }

    private final TimerScheduler<Command> timers;
    private final JobSettings settings;
    private final int slot;
    private final EntityRef<TrainingJob.Command> job;
    private final Executor compute;
    private final AtomicLong progress = new AtomicLong();
    private AtomicBoolean cancelled = new AtomicBoolean();
    /** The assignment in progress, or null when idle. */
    private WorkAssignment current;
    /** The split to start when the current one is done, or null. */
    private WorkAssignment ahead;
    /** The open split of the assignment; used by one compute task at a time. */
    private SplitSession session;
    /** Whether a compute task is running (the session must not be closed under it). */
    private boolean computing;
    /** The segment of the current split last started. */
    private int lastSegment;
    private Trainer trainer;
    /** The node's cache of parsed splits, if enabled. */
    private final Optional<SplitCache> splitCache;

    private Worker(ActorContext<Command> ctx, TimerScheduler<Command> timers, JobSettings settings, String jobId,
                   int slot, Optional<SplitCache> splitCache) {
        super(ctx);
        this.splitCache = splitCache;
        this.timers = timers;
        this.settings = settings;
        this.slot = slot;
        this.job = ClusterSharding.get(ctx.getSystem()).entityRefFor(TrainingJob.TYPE_KEY, jobId);
        this.compute = ctx.getSystem().dispatchers()
                .lookup(DispatcherSelector.fromConfig(JobSettings.COMPUTE_DISPATCHER));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessageEquals(Wake.INSTANCE, this::onWake)
                .onMessageEquals(Retry.INSTANCE, this::onWake)
                .onMessage(Assign.class, this::onAssign)
                .onMessage(Ahead.class, this::onAhead)
                .onMessage(Continue.class, this::onContinue)
                .onMessageEquals(NoWorkYet.INSTANCE, this::onNoWorkYet)
                .onMessageEquals(JobOver.INSTANCE, this::onJobOver)
                .onMessageEquals(ProgressTick.INSTANCE, this::onProgressTick)
                .onMessageEquals(ReplyOverdue.INSTANCE, this::onReplyOverdue)
                .onMessage(Processed.class, this::onProcessed)
                .onMessage(ProcessingFailed.class, this::onProcessingFailed)
                .onSignal(PostStop.class, s -> onPostStop())
                .build();
    }

    private Behavior<Command> onWake() {
        if (current == null) job.tell(new TrainingJob.RequestWork(slot, getContext().getSelf()));
        return this;
    }

    private Behavior<Command> onNoWorkYet() {
        timers.cancel(ReplyOverdue.INSTANCE);
        // Also the job's answer to a segment it did not apply (a duplicate, or a split re-leased meanwhile).
        if (current != null && !computing) idle();
        if (current == null) timers.startSingleTimer(Retry.INSTANCE, Retry.INSTANCE, settings.retryInterval());
        return this;
    }

    /**
     * Stopped with a split in hand (its node leaves, or the job stopped the slot): the job re-queues the split now
     * rather than when its lease expires, and the running task stops at its next batch.
     */
    private Behavior<Command> onPostStop() {
        cancelled.set(true);
        if (current != null) {
            job.tell(new TrainingJob.SplitAbandoned(slot, current.epoch(), current.split().id()));
        }
        if (ahead != null) job.tell(new TrainingJob.SplitAbandoned(slot, ahead.epoch(), ahead.split().id()));
        return this;
    }

    private Behavior<Command> onJobOver() {
        cancelled.set(true);
        if (!computing) closeSession();
        return Behaviors.stopped();
    }

    private Behavior<Command> onAssign(Assign assign) {
        timers.cancel(ReplyOverdue.INSTANCE);
        // Already busy (also with the split this slot held ahead, which the job names in its answer to the last one):
        // the job re-leases the split if we never finish it.
        if (current != null) return this;
        start(assign.work());
        return this;
    }

    private Behavior<Command> onAhead(Ahead next) {
        WorkAssignment work = next.work();
        if (current != null && ahead == null && current.epoch() == work.epoch()
                && current.split().id() != work.split().id()) {
            ahead = work;
        }
        return this;
    }

    private void start(WorkAssignment work) {
        current = work;
        cancelled = new AtomicBoolean();
        Trainer t = trainerFor(work);
        runSegment(work, work.startSegment(), work.base(), () -> {
            SplitSession opened = t.open(work.split(), work.format().toDataFormat(), work.schema(),
                    work.maxBadRecords());
            opened.skipBatches((long) work.startSegment() * work.syncEveryBatches());
            return opened;
        });
        timers.startTimerWithFixedDelay(ProgressTick.INSTANCE, ProgressTick.INSTANCE, settings.progressInterval());
        if (work.syncEveryBatches() <= 0) {
            job.tell(new TrainingJob.RequestAhead(slot, work.epoch(), work.split().id(), getContext().getSelf()));
        }
    }

    private Behavior<Command> onContinue(Continue next) {
        timers.cancel(ReplyOverdue.INSTANCE);
        if (current == null || computing || session == null) return this;
        SplitSession open = session;
        runSegment(current, lastSegment + 1, next.base(), () -> open);
        return this;
    }

    /** Trains one segment on the compute dispatcher (never on the actor thread). */
    private void runSegment(WorkAssignment work, int segment, byte[] base,
                            Supplier<SplitSession> sessionSupplier) {
        Trainer t = trainerFor(work);
        AtomicBoolean stop = cancelled;
        AtomicLong counter = progress;
        counter.set(0);
        computing = true;
        lastSegment = segment;
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> {
            SplitSession open = sessionSupplier.get();
            try {
                SplitSession.Segment out = open.train(t.decodeState(base), work.segmentSeed(segment),
                        work.syncEveryBatches(), counter, stop::get);
                return new Processed(work, open, segment, t.encodeState(out.partial()), out.records(),
                        out.badRecords(), out.finished() || work.syncEveryBatches() <= 0);
            } catch (RuntimeException e) {
                open.close();
                throw e;
            }
        }, compute), (done, error) -> {
            if (error == null) return done;
            return new ProcessingFailed(work, Failures.message(error),
                    Failures.cause(error) instanceof SplitCancelledException);
        });
    }

    private Behavior<Command> onProgressTick() {
        if (current != null) {
            job.tell(new TrainingJob.SplitProgress(slot, current.epoch(), current.split().id(), progress.get()));
        }
        if (ahead != null) job.tell(new TrainingJob.SplitProgress(slot, ahead.epoch(), ahead.split().id(), 0));
        return this;
    }

    private Behavior<Command> onProcessed(Processed done) {
        computing = false;
        session = done.session();
        WorkAssignment w = done.work();
        WorkAssignment next = ahead;
        if (done.finished()) idle();
        if (w.syncEveryBatches() <= 0) {
            job.tell(new TrainingJob.SplitCompleted(slot, w.epoch(), w.split().id(), done.partial(), done.records(),
                    done.badRecords(), getContext().getSelf()));
            if (next != null) {
                // the job's answer names this split again (the slot holds it); a lost answer shows when it is done
                start(next);
                return this;
            }
        } else {
            job.tell(new TrainingJob.SegmentCompleted(slot, w.epoch(), w.split().id(), done.segment(),
                    done.partial(), done.records(), done.badRecords(), done.finished(), getContext().getSelf()));
        }
        timers.startSingleTimer(ReplyOverdue.INSTANCE, ReplyOverdue.INSTANCE, settings.replyTimeout());
        return this;
    }

    /**
     * No answer to a finished split or segment: the job may be moving to another node. Drop any open split and ask
     * again, repeatedly; the job hands this slot its leased split again (from the segments it merged) or the next.
     */
    private Behavior<Command> onReplyOverdue() {
        if (computing) return this;
        if (current != null) idle();
        job.tell(new TrainingJob.RequestWork(slot, getContext().getSelf()));
        // Until answered: a request sent while the job's shard still points at a dead node is lost, and a moved job
        // starts only when a message reaches it.
        timers.startSingleTimer(ReplyOverdue.INSTANCE, ReplyOverdue.INSTANCE, settings.replyTimeout());
        return this;
    }

    private Behavior<Command> onProcessingFailed(ProcessingFailed failed) {
        computing = false;
        session = null; // closed by the failed task
        idle();
        if (failed.cancelled()) return this;
        getContext().getLog().warn("split {} of job {} failed: {}", failed.work().split().id(),
                failed.work().jobId(), failed.reason());
        job.tell(new TrainingJob.SplitFailed(slot, failed.work().epoch(), failed.work().split().id(),
                failed.reason()));
        return this;
    }

    private void idle() {
        current = null;
        ahead = null;
        closeSession();
        timers.cancel(ProgressTick.INSTANCE);
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private Trainer trainerFor(WorkAssignment work) {
        if (trainer == null) {
            trainer = Trainer.create(work.algorithm(), work.hyperParameters()).withSplitCache(splitCache.orElse(null));
        }
        return trainer;
    }
}
