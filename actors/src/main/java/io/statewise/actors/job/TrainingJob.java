package io.statewise.actors.job;

import io.statewise.actors.Failures;
import io.statewise.actors.worker.Worker;
import io.statewise.algorithms.data.SplitCache;
import io.statewise.algorithms.training.Trainer;
import io.statewise.persistence.CborSerializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.ShardCoordinator;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * A training job: the event-sourced owner of a job's authoritative state and of its schedule (sharding entity type
 * {@code job}, entity id = job id).
 *
 * <p>Workers pull splits ({@link RequestWork}); each completed split's partial state is persisted as a
 * {@link JobEvent.SplitMerged} at most once per epoch, whatever duplicates or late messages arrive. Partials are folded
 * into the epoch's state in split-id order (early ones wait in {@link JobState.Running#pending()}), so the result is
 * the same whatever the arrival order, the number of workers or the crashes on the way. When an epoch's last split is
 * merged the epoch completes; after the last epoch the model is finalized off the actor thread and persisted.
 *
 * <p>After a restart the job recovers from its latest snapshot and the events after it, re-queues the splits not yet
 * merged, and wakes its workers: merged splits are never read again.
 */
public final class TrainingJob
        extends EventSourcedBehaviorWithEnforcedReplies<TrainingJob.Command, JobEvent, JobState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "job");

    /** The job's protocol. */
    public sealed interface Command extends CborSerializable {}

    /**
     * Starts a new job with a validated plan, from its base job's trained state if it has one; replies with its
     * status or an error if the id is taken.
     */
    public record Submit(String jobId, JobSpec spec, JobPlan plan, Optional<byte[]> baseState,
                         Optional<Integer> continuesAtEpoch, ActorRef<StatusReply<JobStatus>> replyTo)
            implements Command {
        /** A job that starts from its base's start ({@link JobBase#startFor}). */
        public Submit(String jobId, JobSpec spec, JobPlan plan, JobBase.Start start,
                      ActorRef<StatusReply<JobStatus>> replyTo) {
            this(jobId, spec, plan, Optional.of(start.state()), start.continuesAtEpoch(), replyTo);
        }

        /** A job that starts from nothing. */
        public Submit(String jobId, JobSpec spec, JobPlan plan, ActorRef<StatusReply<JobStatus>> replyTo) {
            this(jobId, spec, plan, Optional.empty(), Optional.empty(), replyTo);
        }
    }

    /** Replies with the job's status (empty if no job has this id). */
    public record GetStatus(ActorRef<JobView> replyTo) implements Command {}

    /** Replies with the job's status and, once completed, its encoded model. */
    public record GetModel(ActorRef<JobView> replyTo) implements Command {}

    /** Cancels a running job; replies with its status after. */
    public record Cancel(ActorRef<JobView> replyTo) implements Command {}

    /**
     * Persists a model finalized again from the completed job's stored state with other finalize-time
     * hyperparameters (a tuning choice) as the next model version; replies with the version, or an error if the job
     * has no model.
     */
    public record AddModelVersion(byte[] model, Map<String, Double> metrics, Map<String, String> hyperParameters,
                                  ActorRef<StatusReply<Integer>> replyTo) implements Command {}

    /** Replies with the job's spec and plan (empty if no job has this id), for planning data added to it. */
    public record GetDefinition(ActorRef<JobDefinition> replyTo) implements Command {}

    /**
     * Adds training data to a completed job: persists {@link JobEvent.DataAdded} and trains on the added splits only;
     * replies with the status, or an error if the job cannot take data (not completed, more than one epoch, or the
     * plan changed since {@code expectedSplits} was read: data added meanwhile).
     */
    public record AddData(PlannedInput added, int expectedSplits, ActorRef<StatusReply<JobStatus>> replyTo)
            implements Command {}

    /**
     * A batch of records posted to an online job, folded into a partial state off the job: the job persists it (a
     * checkpoint) and replies once it is, or with an error if the job is not online.
     */
    public record MergeRecords(byte[] partial, long records, long badRecords,
                               ActorRef<StatusReply<OnlineCheckpoint>> replyTo) implements Command {}

    /**
     * Ends an online job's online phase: its model is finalized from the records merged so far and stored as a model
     * version; replies with the status after, or an error if the job is not online.
     */
    public record Close(ActorRef<StatusReply<JobStatus>> replyTo) implements Command {}

    /** A model finalized on demand from the online state after {@code merges} merges (empty: it could not be). */
    record OnlineModelFinalized(long merges, Optional<byte[]> model, ActorRef<JobView> replyTo) implements Command {}

    /** The final model of a closing online job, or why it could not be finalized. */
    record OnlineClosed(Optional<ModelFinalizer.Result> result, String error, ActorRef<StatusReply<JobStatus>> replyTo)
            implements Command {}

    /** Wakes the entity after a node start, so that an unfinished job resumes. */
    public enum Resume implements Command { INSTANCE }

    /** A worker slot asks for a split. */
    public record RequestWork(int slot, ActorRef<Worker.Command> replyTo) implements Command {}

    /**
     * A worker slot that just started split {@code holding} asks for the split after it, to start it without waiting
     * for the job's answer to the first (splits merged at their end only; answered with {@link Worker.Ahead}, or not
     * at all when none is waiting).
     */
    public record RequestAhead(int slot, int epoch, int holding, ActorRef<Worker.Command> replyTo)
            implements Command {}

    /** A worker reports progress on a split, renewing its lease. */
    public record SplitProgress(int slot, int epoch, int splitId, long records) implements Command {}

    /** A worker finished a split; the job merges it (once) and replies with the next work. */
    public record SplitCompleted(int slot, int epoch, int splitId, byte[] partial, long records, long badRecords,
                                 ActorRef<Worker.Command> replyTo) implements Command {}

    /**
     * A worker finished one segment (N mini-batches) of a split in an epoch that syncs every N batches; the job
     * applies it once and replies with the new global state ({@link Worker.Continue}) or, after the split's last
     * segment, with the next work.
     */
    public record SegmentCompleted(int slot, int epoch, int splitId, int segment, byte[] partial, long records,
                                   long badRecords, boolean finished, ActorRef<Worker.Command> replyTo)
            implements Command {}

    /** A worker stopped before finishing a split (its node is leaving, or its shard moved): re-queue it now. */
    public record SplitAbandoned(int slot, int epoch, int splitId) implements Command {}

    /** A worker could not process a split (malformed data beyond the tolerance, unreadable file). */
    public record SplitFailed(int slot, int epoch, int splitId, String reason) implements Command {}

    private enum Tick implements Command { INSTANCE }

    private record FinalizeSucceeded(byte[] model, Map<String, Double> metrics) implements Command {}

    /** Finalizing or an epoch's validation scoring failed off the actor thread. */
    private record ComputeFailed(String reason) implements Command {}

    private record EpochScored(int epoch, Optional<byte[]> scores) implements Command {}

    /** The cluster's worker nodes changed (membership or reachability). */
    private record WorkerNodesChanged(WorkerNodes nodes) implements Command {}

    /** Registers the entity type with Cluster Sharding; its jobs parse validation data every epoch. */
    public static void init(ActorSystem<?> system, JobSettings settings, WorkerPool workers, Clock clock) {
        init(system, settings, workers, clock, Optional.empty(), Optional.empty());
    }

    /**
     * Registers the entity type with Cluster Sharding.
     *
     * @param splitCache the node's cache of parsed splits, read through when scoring validation data every epoch
     * @param role       the role a node needs to host job entities (empty: any node); others reach them by proxy
     */
    public static void init(ActorSystem<?> system, JobSettings settings, WorkerPool workers, Clock clock,
                            Optional<SplitCache> splitCache, Optional<String> role) {
        Entity<Command, ShardingEnvelope<Command>> entity = Entity.of(TYPE_KEY, ctx -> create(ctx.getEntityId(),
                PersistenceId.of(TYPE_KEY.name(), ctx.getEntityId()), settings, workers, ctx.getShard(), clock,
                splitCache));
        // Shards are placed on the least loaded node and never rebalanced: moving a job costs a recovery.
        Entity<Command, ShardingEnvelope<Command>> placed = entity.withAllocationStrategy(
                new ShardCoordinator.LeastShardAllocationStrategy(Integer.MAX_VALUE, 1));
        ClusterSharding.get(system).init(role.map(placed::withRole).orElse(placed));
    }

    /** The behavior of job {@code jobId}, without a split cache. */
    public static Behavior<Command> create(String jobId, PersistenceId persistenceId, JobSettings settings,
                                           WorkerPool workers, ActorRef<ClusterSharding.ShardCommand> shard,
                                           Clock clock) {
        return create(jobId, persistenceId, settings, workers, shard, clock, Optional.empty());
    }

    /** The behavior of job {@code jobId}. */
    public static Behavior<Command> create(String jobId, PersistenceId persistenceId, JobSettings settings,
                                           WorkerPool workers, ActorRef<ClusterSharding.ShardCommand> shard,
                                           Clock clock, Optional<SplitCache> splitCache) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.tickInterval());
            return new TrainingJob(jobId, persistenceId, ctx, settings, workers, shard, clock, splitCache);
        }));
    }

    private final String jobId;
    private final ActorContext<Command> ctx;
    private final JobSettings settings;
    private final Clock clock;
    private final Executor compute;
    private final SplitScheduler scheduler;
    private final ActorRef<ClusterSharding.ShardCommand> shard;
    /** The node's cache of parsed splits, if enabled (validation scoring reads through it). */
    private final Optional<SplitCache> splitCache;
    /** Applies events to the state (recovery and live), and holds the job's algorithm. */
    private final JobFold fold = new JobFold();
    private long startedNanos;
    private long recordsAtStart;
    private boolean finalizeRunning;
    private boolean scoringRunning;
    /** The merge of the segment being persisted, computed once for the worker's early reply and the event handler. */
    private AppliedSegment appliedSegment;
    /** When the job last recorded a {@link JobEvent.SyncCheckpointed} (or started), by {@link System#nanoTime}. */
    private long lastCheckpointNanos = System.nanoTime();
    /** The job's worker slots: their count, their leases, waking and stopping them. */
    private final JobWorkers slots;
    /** Handles the commands of the online phase. */
    private final OnlineCommands online;

    private TrainingJob(String jobId, PersistenceId persistenceId, ActorContext<Command> ctx, JobSettings settings,
                        WorkerPool workers, ActorRef<ClusterSharding.ShardCommand> shard, Clock clock,
                        Optional<SplitCache> splitCache) {
        super(persistenceId);
        this.splitCache = splitCache;
        this.jobId = jobId;
        this.ctx = ctx;
        this.settings = settings;
        this.clock = clock;
        this.compute = ctx.getSystem().dispatchers()
                .lookup(DispatcherSelector.fromConfig(JobSettings.COMPUTE_DISPATCHER));
        this.scheduler = new SplitScheduler(settings.leaseTimeout());
        this.slots = new JobWorkers(jobId, ctx, workers, scheduler);
        this.shard = shard;
        this.online = new OnlineCommands(jobId, ctx, Effect(), fold, clock, compute, () -> lastSequenceNumber(ctx),
                this::status);
    }

    @Override
    public JobState emptyState() {
        return new JobState.Empty();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
    }

    // ---------------------------------------------------------------- commands

    @Override
    public CommandHandlerWithReply<Command, JobEvent, JobState> commandHandler() {
        var b = newCommandHandlerWithReplyBuilder();
        b.forStateType(JobState.Empty.class)
                .onCommand(Submit.class, this::onSubmit)
                .onCommand(GetStatus.class, (s, c) -> answerNoneAndPassivate(c.replyTo()))
                .onCommand(GetModel.class, (s, c) -> answerNoneAndPassivate(c.replyTo()))
                .onCommand(Cancel.class, (s, c) -> answerNoneAndPassivate(c.replyTo()))
                .onCommand(GetDefinition.class, (s, c) -> Effect().none().thenRun(x -> passivate())
                        .thenReply(c.replyTo(), x -> JobDefinition.of(x)))
                .onCommand(RequestWork.class, (s, c) -> Effect().reply(c.replyTo(), Worker.JobOver.INSTANCE));
        b.forStateType(JobState.Running.class)
                .onCommand(RequestWork.class, this::onRequestWork)
                .onCommand(RequestAhead.class, this::onRequestAhead)
                .onCommand(SplitProgress.class, this::onSplitProgress)
                .onCommand(SplitCompleted.class, this::onSplitCompleted)
                .onCommand(SegmentCompleted.class, this::onSegmentCompleted)
                .onCommand(SplitFailed.class, (s, c) -> fail(s, "split " + c.splitId() + ": " + c.reason()))
                .onCommand(FinalizeSucceeded.class, this::onFinalizeSucceeded)
                .onCommand(ComputeFailed.class, (s, c) -> fail(s, c.reason()))
                .onCommand(EpochScored.class, this::onEpochScored)
                .onCommand(Cancel.class, this::onCancel)
                .onCommand(Tick.class, this::onTick)
                .onCommand(WorkerNodesChanged.class, this::onWorkerNodesChanged)
                .onCommand(SplitAbandoned.class, this::onSplitAbandoned);
        b.forStateType(JobState.Online.class)
                .onCommand(MergeRecords.class, online::onMergeRecords)
                .onCommand(GetModel.class, online::onGetModel)
                .onCommand(Close.class, online::onClose)
                .onCommand(OnlineClosed.class, online::onClosed)
                .onCommand(Cancel.class, (s, c) -> Effect().persist(new JobEvent.JobCancelled(clock.instant()))
                        .thenReply(c.replyTo(), this::view))
                .onCommand(AddData.class, (s, c) -> Effect().reply(c.replyTo(), StatusReply.error("job '" + jobId
                        + "' is online: post records to it, or add data once it is closed")))
                .onCommand(AddModelVersion.class, (s, c) -> Effect().reply(c.replyTo(), StatusReply.error(
                        "job '" + jobId + "' is online: close it to store a model version")))
                .onCommand(RequestWork.class, (s, c) -> Effect().reply(c.replyTo(), Worker.JobOver.INSTANCE))
                .onCommand(SplitCompleted.class, (s, c) -> Effect().reply(c.replyTo(), Worker.JobOver.INSTANCE))
                .onCommand(SegmentCompleted.class, (s, c) -> Effect().reply(c.replyTo(), Worker.JobOver.INSTANCE));
        b.forStateType(JobState.Finished.class)
                .onCommand(RequestWork.class, (s, c) -> Effect().reply(c.replyTo(), Worker.JobOver.INSTANCE))
                .onCommand(SplitCompleted.class, (s, c) -> Effect().reply(c.replyTo(), Worker.JobOver.INSTANCE))
                .onCommand(SegmentCompleted.class, (s, c) -> Effect().reply(c.replyTo(), Worker.JobOver.INSTANCE))
                .onCommand(Cancel.class, (s, c) -> Effect().reply(c.replyTo(), view(s)))
                .onCommand(AddModelVersion.class, this::onAddModelVersion)
                .onCommand(AddData.class, this::onAddData);
        b.forAnyState()
                .onCommand(Submit.class, (s, c) -> Effect().reply(c.replyTo(),
                        StatusReply.error("a job with id '" + jobId + "' already exists")))
                .onCommand(GetStatus.class, (s, c) -> Effect().reply(c.replyTo(), view(s)))
                .onCommand(GetModel.class, (s, c) -> Effect().reply(c.replyTo(), view(s)))
                .onCommand(AddModelVersion.class, (s, c) -> Effect().reply(c.replyTo(),
                        StatusReply.error("job '" + jobId + "' has no model to add a version to")))
                .onCommand(AddData.class, (s, c) -> Effect().reply(c.replyTo(), StatusReply.error(
                        "job '" + jobId + "' is still training: data can be added once it completed")))
                .onCommand(GetDefinition.class, (s, c) -> Effect().reply(c.replyTo(), JobDefinition.of(s)))
                .onCommand(MergeRecords.class, (s, c) -> Effect().reply(c.replyTo(),
                        StatusReply.error(OnlineRefusal.of(jobId, s))))
                .onCommand(Close.class, (s, c) -> Effect().reply(c.replyTo(),
                        StatusReply.error(OnlineRefusal.of(jobId, s))))
                .onCommand(OnlineModelFinalized.class, online::onModelFinalized)
                .onCommand(OnlineClosed.class, (s, c) -> Effect().reply(c.replyTo(),
                        StatusReply.error(OnlineRefusal.of(jobId, s))))
                .onCommand(Resume.class, (s, c) -> Effect().noReply())
                .onCommand(SplitProgress.class, (s, c) -> Effect().noReply())
                .onCommand(RequestAhead.class, (s, c) -> Effect().noReply())
                .onCommand(SplitFailed.class, (s, c) -> Effect().noReply())
                .onCommand(Tick.class, (s, c) -> Effect().noReply())
                .onCommand(FinalizeSucceeded.class, (s, c) -> Effect().noReply())
                .onCommand(ComputeFailed.class, (s, c) -> Effect().noReply())
                .onCommand(EpochScored.class, (s, c) -> Effect().noReply())
                .onCommand(WorkerNodesChanged.class, (s, c) -> Effect().noReply())
                .onCommand(SplitAbandoned.class, (s, c) -> Effect().noReply());
        return b.build();
    }

    /**
     * No job has this id: answer so, and ask the shard to passivate the empty entity rather than let it linger.
     * Passivation (not a plain stop) lets the shard buffer messages that arrive meanwhile and deliver them to a new
     * incarnation, so a Submit racing with a status query is never lost.
     */
    private ReplyEffect<JobEvent, JobState> answerNoneAndPassivate(ActorRef<JobView> replyTo) {
        return Effect().none()
                .thenRun(s -> passivate())
                .thenReply(replyTo, s -> JobView.none());
    }

    private void passivate() {
        shard.tell(new ClusterSharding.Passivate<>(ctx.getSelf()));
    }

    private ReplyEffect<JobEvent, JobState> onSubmit(JobState.Empty state, Submit cmd) {
        return Effect().persist(new JobEvent.JobSubmitted(cmd.jobId(), cmd.spec(), cmd.plan(), clock.instant(),
                        cmd.baseState(), cmd.continuesAtEpoch()))
                .thenRun(this::started)
                .thenReply(cmd.replyTo(), s -> StatusReply.success(status(s)));
    }

    private ReplyEffect<JobEvent, JobState> onRequestWork(JobState.Running state, RequestWork cmd) {
        return Effect().reply(cmd.replyTo(), nextWork(state, cmd.slot(), cmd.replyTo()));
    }

    private ReplyEffect<JobEvent, JobState> onRequestAhead(JobState.Running state, RequestAhead cmd) {
        // Segment syncs answer every N batches anyway; a split ahead is for splits merged at their end.
        if (syncEvery(state) > 0 || cmd.epoch() != state.epoch()) return Effect().noReply();
        return slots.ahead(state, cmd.slot(), cmd.holding(), cmd.replyTo(), id -> assignment(state, id))
                .<ReplyEffect<JobEvent, JobState>>map(work -> Effect().reply(cmd.replyTo(), work))
                .orElseGet(() -> Effect().noReply());
    }

    private ReplyEffect<JobEvent, JobState> onSplitProgress(JobState.Running state, SplitProgress cmd) {
        if (cmd.epoch() == state.epoch()) scheduler.progress(cmd.splitId(), cmd.slot(), cmd.records(),
                System.nanoTime());
        return Effect().noReply();
    }

    private ReplyEffect<JobEvent, JobState> onSplitCompleted(JobState.Running state, SplitCompleted cmd) {
        if (state.hasMerged(cmd.epoch(), cmd.splitId())) {
            // A duplicate or a late message of an older epoch: merged once already.
            return Effect().reply(cmd.replyTo(), nextWork(state, cmd.slot(), cmd.replyTo()));
        }
        return merge(state, new JobEvent.SplitMerged(cmd.epoch(), cmd.splitId(), cmd.partial(), cmd.records(),
                cmd.badRecords(), clock.instant(), Optional.of(slots.nodeOf(cmd.replyTo()))),
                cmd.slot(), cmd.replyTo());
    }

    private ReplyEffect<JobEvent, JobState> onSegmentCompleted(JobState.Running state, SegmentCompleted cmd) {
        if (state.hasMerged(cmd.epoch(), cmd.splitId()) || cmd.segment() != state.segmentsMerged(cmd.splitId())) {
            // A duplicate, a late message, or a segment of a split that was re-leased meanwhile: not applied. The
            // worker drops its split; the scheduler re-leases it if its lease expires.
            return Effect().reply(cmd.replyTo(), Worker.NoWorkYet.INSTANCE);
        }
        long bad = state.badRecords() + cmd.badRecords();
        if (bad > state.spec().maxBadRecords()) return tooManyBadRecords(state, bad);
        JobEvent.SegmentMerged segment = new JobEvent.SegmentMerged(cmd.epoch(), cmd.splitId(), cmd.segment(),
                cmd.partial(), cmd.records(), cmd.badRecords(), cmd.finished(), clock.instant(),
                Optional.of(slots.nodeOf(cmd.replyTo())));
        // The merge is computed here, once: the worker gets the new global state before the journal write, and the
        // event handler takes this result for the recorded (partial-less) event.
        JobState.Running applied = (JobState.Running) fold.apply(state, segment);
        JobEvent.SegmentMerged recorded = segment.withoutPartial();
        appliedSegment = new AppliedSegment(recorded, applied);
        List<JobEvent> events = new ArrayList<>(3);
        events.add(recorded);
        boolean lastSplit = lastSplit(state, cmd.finished());
        long now = System.nanoTime();
        if (lastSplit || now - lastCheckpointNanos >= settings.checkpointInterval().toNanos()) {
            // An epoch's end must follow a checkpoint: replay skips the partial-less segments before it.
            events.add(new JobEvent.SyncCheckpointed(applied, clock.instant()));
            lastCheckpointNanos = now;
        }
        if (lastSplit) epochEnd(state).ifPresent(events::add);
        // The epoch's validation pass reads the merged state in memory: it runs while the journal writes the
        // checkpoint, and its result (a message) is handled only after the write.
        if (lastSplit && state.plan().validation().isPresent()) startEpochScoring(applied);
        if (!cmd.finished()) {
            scheduler.progress(cmd.splitId(), cmd.slot(), 0, now);
            // If the write fails the job restarts from its last checkpoint and rejects the worker's next segment (its
            // number no longer matches), so the split is redone from there and nothing is merged twice.
            cmd.replyTo().tell(new Worker.Continue(applied.base().bytes()));
            return Effect().persist(events).thenNoReply();
        }
        return persistFinishedSplit(events, cmd.splitId(), cmd.slot(), cmd.replyTo());
    }

    /**
     * Persists a split's merge, with the epoch's end when it was the last split, and answers the worker with its next
     * work. Fails the job instead when the malformed records exceed the tolerance.
     */
    private ReplyEffect<JobEvent, JobState> merge(JobState.Running state, JobEvent.SplitMerged merged, int slot,
                                                  ActorRef<Worker.Command> replyTo) {
        long bad = state.badRecords() + merged.badRecords();
        if (bad > state.spec().maxBadRecords()) return tooManyBadRecords(state, bad);
        List<JobEvent> events = new ArrayList<>(2);
        events.add(merged);
        if (lastSplit(state, true)) epochEnd(state).ifPresent(events::add);
        return persistFinishedSplit(events, merged.splitId(), slot, replyTo);
    }

    /** Whether the split that just merged (if it finished) was the last of the epoch. */
    private static boolean lastSplit(JobState.Running state, boolean splitFinished) {
        return splitFinished && state.splitsDone() + 1 == state.plan().splitsPerEpoch();
    }

    /**
     * The end of the epoch whose last split just merged; none with validation data, where the epoch ends once its
     * candidates are scored on it ({@link #afterMerge}).
     */
    private Optional<JobEvent> epochEnd(JobState.Running state) {
        return state.plan().validation().isPresent() ? Optional.empty()
                : Optional.of(new JobEvent.EpochCompleted(state.epoch(), Optional.empty(), clock.instant()));
    }

    /** Persists the events of a finished split, then goes on with the schedule and answers with the next work. */
    private ReplyEffect<JobEvent, JobState> persistFinishedSplit(List<JobEvent> events, int splitId, int slot,
                                                                ActorRef<Worker.Command> replyTo) {
        return Effect().persist(events)
                .thenRun(s -> afterMerge(splitId, (JobState.Running) s))
                .thenReply(replyTo, s -> nextWork(s, slot, replyTo));
    }

    private ReplyEffect<JobEvent, JobState> tooManyBadRecords(JobState.Running state, long bad) {
        return fail(state, bad + " malformed records exceed max_bad_records = " + state.spec().maxBadRecords());
    }

    private void afterMerge(int splitId, JobState.Running state) {
        scheduler.done(splitId);
        if (state.finalizing()) {
            startFinalize(state);
        } else if (state.awaitingEpochEnd()) {
            startEpochScoring(state);
        } else if (scheduler.epoch() != state.epoch()) {
            ctx.getLog().info("job {}: epoch {} started", jobId, state.epoch());
            scheduler.startEpoch(state);
            // Workers that found no split while the epoch's last ones were still out wait for a retry timer; wake
            // them, or each epoch of a many-epoch job leaves a worker idle for up to the retry interval.
            slots.wakeAll();
        }
    }

    private ReplyEffect<JobEvent, JobState> onEpochScored(JobState.Running state, EpochScored cmd) {
        scoringRunning = false;
        if (cmd.epoch() != state.epoch() || !state.awaitingEpochEnd()) return Effect().noReply();
        return Effect().persist(new JobEvent.EpochCompleted(cmd.epoch(), cmd.scores(), clock.instant()))
                .thenRun(s -> {
                    JobState.Running next = (JobState.Running) s;
                    if (next.finalizing()) {
                        startFinalize(next);
                    } else {
                        ctx.getLog().info("job {}: epoch {} started", jobId, next.epoch());
                        scheduler.startEpoch(next);
                        slots.wakeAll();
                    }
                })
                .thenNoReply();
    }

    private ReplyEffect<JobEvent, JobState> onFinalizeSucceeded(JobState.Running state, FinalizeSucceeded cmd) {
        finalizeRunning = false;
        return Effect().persist(new JobEvent.ModelFinalized(cmd.model(), cmd.metrics(), clock.instant(),
                        Optional.of(state.nextVersion())))
                .thenRun(s -> {
                    ctx.getLog().info("job {} completed: {} records", jobId, state.records());
                    slots.stopAll();
                })
                .thenNoReply();
    }

    private ReplyEffect<JobEvent, JobState> onAddModelVersion(JobState.Finished state, AddModelVersion cmd) {
        if (state.phase() != JobPhase.COMPLETED) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("job '" + jobId + "' has no model: it is "
                    + state.phase().name().toLowerCase(java.util.Locale.ROOT)));
        }
        int version = state.currentVersion() + 1;
        return Effect().persist(new JobEvent.ModelTuned(version, cmd.model(), cmd.metrics(), cmd.hyperParameters(),
                        clock.instant()))
                .thenReply(cmd.replyTo(), s -> StatusReply.success(version));
    }

    private ReplyEffect<JobEvent, JobState> onAddData(JobState.Finished state, AddData cmd) {
        Optional<String> refusal = transitions(state.spec()).addDataRefusal(state, cmd.expectedSplits());
        if (refusal.isPresent()) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("cannot add data to job '" + jobId + "': "
                    + refusal.get()));
        }
        return Effect().persist(new JobEvent.DataAdded(cmd.added(), clock.instant()))
                .thenRun(s -> resumeWork((JobState.Running) s))
                .thenReply(cmd.replyTo(), s -> StatusReply.success(status(s)));
    }

    private ReplyEffect<JobEvent, JobState> onCancel(JobState.Running state, Cancel cmd) {
        return Effect().persist(new JobEvent.JobCancelled(clock.instant()))
                .thenRun(s -> slots.stopAll())
                .thenReply(cmd.replyTo(), this::view);
    }

    private ReplyEffect<JobEvent, JobState> fail(JobState.Running state, String reason) {
        ctx.getLog().warn("job {} failed: {}", jobId, reason);
        return Effect().persist(new JobEvent.JobFailed(reason, clock.instant()))
                .thenRun(s -> slots.stopAll())
                .thenNoReply();
    }

    private ReplyEffect<JobEvent, JobState> onTick(JobState.Running state, Tick cmd) {
        slots.expireLeases(state);
        return Effect().noReply();
    }

    private ReplyEffect<JobEvent, JobState> onWorkerNodesChanged(JobState.Running state, WorkerNodesChanged cmd) {
        slots.nodesChanged(state, cmd.nodes());
        return Effect().noReply();
    }

    private ReplyEffect<JobEvent, JobState> onSplitAbandoned(JobState.Running state, SplitAbandoned cmd) {
        slots.abandoned(cmd.epoch(), cmd.splitId(), cmd.slot());
        return Effect().noReply();
    }

    private Worker.Command nextWork(JobState state, int slot, ActorRef<Worker.Command> worker) {
        return slots.next(state, slot, worker, splitId -> assignment((JobState.Running) state, splitId));
    }

    private WorkAssignment assignment(JobState.Running state, int splitId) {
        JobSpec spec = state.spec();
        PlannedInput train = state.plan().train();
        return new WorkAssignment(jobId, spec.algorithm(), spec.hyperParameters(), state.plan().schema(),
                train.format(), spec.maxBadRecords(), state.epoch(), train.splits().get(splitId),
                state.base().bytes(), state.plan().seedFor(state.epoch(), splitId), syncEvery(state),
                state.segmentsMerged(splitId));
    }

    // ---------------------------------------------------------------- side effects

    /** A job just submitted or recovered: a batch job resumes its work; an online job waits for records. */
    private void started(JobState state) {
        if (state instanceof JobState.Running running) {
            resumeWork(running);
        } else if (state instanceof JobState.Online o) {
            startedNanos = System.nanoTime();
            recordsAtStart = o.records();
        }
    }

    /** Starts (or restarts after recovery) the schedule and the workers of a running job. */
    private void resumeWork(JobState.Running state) {
        startedNanos = System.nanoTime();
        recordsAtStart = state.records();
        slots.watch(state, () -> ctx.messageAdapter(WorkerNodes.class, WorkerNodesChanged::new));
        if (state.finalizing()) {
            startFinalize(state);
        } else if (state.awaitingEpochEnd()) {
            startEpochScoring(state);
        } else {
            scheduler.startEpoch(state);
            slots.wakeAll();
        }
    }

    /**
     * Scores the epoch's candidate models on the validation data off the actor thread (for early stopping on
     * validation loss); the epoch ends with the scores. A read error fails the job as a finalize error would.
     */
    private void startEpochScoring(JobState.Running state) {
        if (scoringRunning) return;
        scoringRunning = true;
        JobTransitions jt = transitions(state.spec());
        JobPlan plan = state.plan();
        PlannedInput validation = plan.validation().orElseThrow();
        long maxBad = state.spec().maxBadRecords();
        int epoch = state.epoch();
        Trainer scorer = jt.trainer().withSplitCache(splitCache.orElse(null));
        // One task per validation split: the workers wait for the epoch's end, so the pass may use every core.
        ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> jt.epochResult(state), compute)
                .thenCompose(result -> scorer.scoreCandidates(result, validation.splits(), validation.dataFormat(),
                        plan.schema(), maxBad, compute))
                .thenApply(scores -> scores.map(scorer::encodeScores)), (scores, error) -> {
            if (error == null) return new EpochScored(epoch, scores);
            return new ComputeFailed("validation of epoch " + epoch + ": " + Failures.message(error));
        });
    }

    private void startFinalize(JobState.Running state) {
        if (finalizeRunning) return;
        finalizeRunning = true;
        ctx.getLog().info("job {}: all epochs merged, finalizing", jobId);
        Trainer t = trainer(state.spec());
        ctx.pipeToSelf(ModelFinalizer.run(t, state, compute), (result, error) -> {
            if (error == null) return new FinalizeSucceeded(result.model(), result.metrics());
            return new ComputeFailed(Failures.message(error));
        });
    }

    // ---------------------------------------------------------------- events

    /** Every event goes through {@link JobFold}, the code path that replay outside the actor uses too. */
    @Override
    public EventHandler<JobState, JobEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(this::applyEvent);
    }

    /**
     * An event's effect. A segment the command handler just merged takes the state it computed (the recorded event
     * has no partial: replay skips it and relies on the next checkpoint).
     */
    private JobState applyEvent(JobState state, JobEvent event) {
        AppliedSegment memo = appliedSegment;
        if (memo != null && memo.event() == event) {
            appliedSegment = null;
            return memo.after();
        }
        return fold.apply(state, event);
    }

    /** A segment merged by the command handler: {@code after} is the job's state once {@code event} is persisted. */
    private record AppliedSegment(JobEvent.SegmentMerged event, JobState.Running after) {}

    @Override
    public SignalHandler<JobState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), state -> {
                    if (state instanceof JobState.Running running) {
                        ctx.getLog().info("job {} recovered at epoch {}, {} of {} splits merged", jobId,
                                running.epoch(), running.splitsDone(), running.plan().splitsPerEpoch());
                    } else if (state instanceof JobState.Online o) {
                        ctx.getLog().info("job {} recovered online, {} records merged", jobId, o.records());
                    }
                    started(state);
                })
                .build();
    }

    // ---------------------------------------------------------------- views

    private int syncEvery(JobState.Running state) {
        return transitions(state.spec()).syncEvery(state);
    }

    private Trainer trainer(JobSpec spec) {
        return transitions(spec).trainer();
    }

    private JobTransitions transitions(JobSpec spec) {
        return fold.transitions(spec);
    }

    private JobView view(JobState state) {
        Optional<byte[]> model = state instanceof JobState.Finished f ? f.model() : Optional.empty();
        return new JobView(state instanceof JobState.Empty ? Optional.empty() : Optional.of(status(state)), model);
    }

    private JobStatus status(JobState state) {
        if (state instanceof JobState.Running r) {
            long inFlight = r.finalizing() ? 0 : scheduler.recordsInFlight();
            double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
            return JobStatuses.running(jobId, r, trainer(r.spec()), inFlight,
                    (r.records() - recordsAtStart + inFlight) / seconds, scheduler.bytesLeased(),
                    scheduler.bytesRequeued());
        }
        if (state instanceof JobState.Online o) {
            double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
            return JobStatuses.online(jobId, o, (o.records() - recordsAtStart) / seconds);
        }
        JobState.Finished f = (JobState.Finished) state;
        return JobStatuses.finished(jobId, f, trainer(f.spec()), scheduler.bytesLeased(), scheduler.bytesRequeued());
    }
}
