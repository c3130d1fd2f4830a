package io.statewise.actors.tuningjob;

import io.statewise.actors.Failures;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.service.JobRejectedException;
import io.statewise.persistence.CborSerializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
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
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * A tuning job: the event-sourced owner of a hyperparameter search over child training jobs (sharding entity type
 * {@code tuning-job}). It names each child ({@link TuningEvent.ChildStarted}) before submitting it, polls the running
 * children, records each finished child's metric and cost ({@link TuningEvent.ChildFinished}), and asks
 * {@link TuningProgress} what to do next: more children of the rung, the next rung's promoted children (continued from
 * their previous child), or the end with the best child.
 *
 * <p>After a restart it recovers its children from its events, finds them again by their ids, and submits any that
 * was named but never submitted: children are ordinary jobs that resume on their own.
 */
public final class TuningJob
        extends EventSourcedBehaviorWithEnforcedReplies<TuningJob.Command, TuningEvent, TuningState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "tuning-job");

    /** The tuning job's protocol. */
    public sealed interface Command extends CborSerializable {}

    /** Starts the search over {@code configurations}; replies with its status, or an error if the id is taken. */
    public record Start(String tuningId, TuningSpec spec, List<Map<String, String>> configurations,
                        ActorRef<StatusReply<TuningStatus>> replyTo) implements Command {}

    /** Replies with the status (empty if no tuning job has this id: that empty entity then passivates). */
    public record GetStatus(ActorRef<TuningView> replyTo) implements Command {}

    /** Wakes the entity after a node start, so that an unfinished search goes on. */
    public enum Resume implements Command { INSTANCE }

    /** Decide and take the next step. */
    private enum Advance implements Command { INSTANCE }

    private enum Poll implements Command { INSTANCE }

    /**
     * A child's submission ended; {@code refusal} says why the job service refused its spec. Another failure (a
     * timeout, an id taken by an earlier submission that did reach the job) has none: the next poll sees to it.
     */
    private record ChildSubmitted(String jobId, Optional<String> refusal) implements Command {}

    /** A child's status arrived (empty: no such job), or could not be had. */
    private record ChildPolled(String jobId, Optional<JobStatus> status, boolean failed) implements Command {}

    /** Registers the entity type with Cluster Sharding. */
    public static void init(ActorSystem<?> system, ChildJobs children, TuningSettings settings, Clock clock) {
        ClusterSharding.get(system).init(Entity.of(TYPE_KEY, ctx -> create(ctx.getEntityId(),
                PersistenceId.of(TYPE_KEY.name(), ctx.getEntityId()), children, settings, ctx.getShard(), clock)));
    }

    /**
     * The behavior of tuning job {@code tuningId}.
     *
     * @param shard the entity's shard, asked to passivate the entity when no tuning job has this id
     */
    public static Behavior<Command> create(String tuningId, PersistenceId persistenceId, ChildJobs children,
                                           TuningSettings settings, ActorRef<ClusterSharding.ShardCommand> shard,
                                           Clock clock) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(Poll.INSTANCE, settings.pollInterval());
            return new TuningJob(tuningId, persistenceId, ctx, children, shard, clock);
        }));
    }

    private final String tuningId;
    private final ActorContext<Command> ctx;
    private final ChildJobs children;
    private final ActorRef<ClusterSharding.ShardCommand> shard;
    private final Clock clock;
    /** Children whose submission or status request is under way: not asked again meanwhile. */
    private final Set<String> inFlight = new HashSet<>();

    private TuningJob(String tuningId, PersistenceId persistenceId, ActorContext<Command> ctx, ChildJobs children,
                      ActorRef<ClusterSharding.ShardCommand> shard, Clock clock) {
        super(persistenceId);
        this.tuningId = tuningId;
        this.ctx = ctx;
        this.children = children;
        this.shard = shard;
        this.clock = clock;
    }

    @Override
    public TuningState emptyState() {
        return new TuningState.Empty();
    }

    @Override
    public CommandHandlerWithReply<Command, TuningEvent, TuningState> commandHandler() {
        var b = newCommandHandlerWithReplyBuilder();
        b.forStateType(TuningState.Empty.class)
                .onCommand(Start.class, this::onStart)
                .onCommand(GetStatus.class, (s, c) -> answerNoneAndPassivate(c.replyTo()));
        b.forStateType(TuningState.Running.class)
                .onCommand(Advance.class, this::onAdvance)
                .onCommand(Poll.class, this::onPoll)
                .onCommand(ChildSubmitted.class, this::onChildSubmitted)
                .onCommand(ChildPolled.class, this::onChildPolled);
        b.forAnyState()
                .onCommand(Start.class, (s, c) -> Effect().reply(c.replyTo(),
                        StatusReply.error("a tuning job with id '" + tuningId + "' already exists")))
                .onCommand(GetStatus.class, (s, c) -> Effect().reply(c.replyTo(),
                        new TuningView(Optional.of(TuningStatus.of(s)))))
                .onCommand(Resume.class, (s, c) -> Effect().noReply())
                .onCommand(Advance.class, (s, c) -> Effect().noReply())
                .onCommand(Poll.class, (s, c) -> Effect().noReply())
                .onCommand(ChildSubmitted.class, (s, c) -> Effect().noReply())
                .onCommand(ChildPolled.class, (s, c) -> Effect().noReply());
        return b.build();
    }

    /**
     * No tuning job has this id: answer so, and ask the shard to passivate the empty entity rather than let it linger
     * (as {@link io.statewise.actors.job.TrainingJob} does). Passivation, not a plain stop, lets the shard buffer a
     * Start that races with the query and deliver it to a new incarnation.
     */
    private ReplyEffect<TuningEvent, TuningState> answerNoneAndPassivate(ActorRef<TuningView> replyTo) {
        return Effect().none()
                .thenRun(s -> shard.tell(new ClusterSharding.Passivate<>(ctx.getSelf())))
                .thenReply(replyTo, s -> new TuningView(Optional.empty()));
    }

    private ReplyEffect<TuningEvent, TuningState> onStart(TuningState.Empty state, Start cmd) {
        return Effect().persist(new TuningEvent.TuningStarted(cmd.tuningId(), cmd.spec(), cmd.configurations(),
                        clock.instant()))
                .thenRun(s -> ctx.getSelf().tell(Advance.INSTANCE))
                .thenReply(cmd.replyTo(), s -> StatusReply.success(TuningStatus.of(s)));
    }

    private ReplyEffect<TuningEvent, TuningState> onAdvance(TuningState.Running state, Advance cmd) {
        TuningProgress.Next next = TuningProgress.next(state);
        if (next instanceof TuningProgress.StartChildren start) {
            List<TuningEvent> events = new ArrayList<>();
            for (TuningProgress.ChildPlan p : start.children()) {
                events.add(new TuningEvent.ChildStarted(p.configuration(), p.rung(),
                        TuningProgress.childId(tuningId, p.configuration(), p.rung()), p.epochs(), p.base(),
                        clock.instant()));
            }
            return Effect().persist(events).thenRun(s -> {
                for (TuningEvent e : events) submit((TuningState.Running) s, ((TuningEvent.ChildStarted) e).jobId());
            }).thenNoReply();
        }
        if (next instanceof TuningProgress.Complete complete) {
            ctx.getLog().info("tuning job {} completed: best child {}", tuningId, complete.bestJobId());
            return Effect().persist(new TuningEvent.TuningCompleted(complete.bestJobId(), clock.instant()))
                    .thenNoReply();
        }
        if (next instanceof TuningProgress.Fail fail) {
            ctx.getLog().warn("tuning job {} failed: {}", tuningId, fail.reason());
            return Effect().persist(new TuningEvent.TuningFailed(fail.reason(), clock.instant())).thenNoReply();
        }
        return Effect().noReply();
    }

    /** Asks every running child for its status (a child named before a crash and never submitted is found so). */
    private ReplyEffect<TuningEvent, TuningState> onPoll(TuningState.Running state, Poll cmd) {
        for (Child c : state.children()) {
            if (c.isFinished() || !inFlight.add(c.jobId())) continue;
            String jobId = c.jobId();
            ctx.pipeToSelf(children.find(jobId), (status, error) ->
                    new ChildPolled(jobId, error == null ? status : Optional.empty(), error != null));
        }
        return Effect().noReply();
    }

    private ReplyEffect<TuningEvent, TuningState> onChildPolled(TuningState.Running state, ChildPolled cmd) {
        inFlight.remove(cmd.jobId());
        Optional<Child> child = state.child(cmd.jobId());
        if (cmd.failed() || child.isEmpty() || child.get().isFinished()) return Effect().noReply();
        if (cmd.status().isEmpty()) {
            submit(state, cmd.jobId());
            return Effect().noReply();
        }
        JobStatus status = cmd.status().get();
        if (!status.phase().isFinal()) return Effect().noReply();
        Optional<Double> metric = Optional.ofNullable(status.metrics().get(state.spec().objective().metric()))
                .filter(m -> !m.isNaN());
        Optional<String> error = status.error().or(() -> metric.isPresent() || status.phase() != JobPhase.COMPLETED
                ? Optional.empty()
                : Optional.of("its model has no metric " + state.spec().objective().metric() + "; it has "
                        + String.join(", ", status.metrics().keySet())));
        return finishChild(cmd.jobId(), status.phase(), metric, status.records(), error);
    }

    private ReplyEffect<TuningEvent, TuningState> onChildSubmitted(TuningState.Running state, ChildSubmitted cmd) {
        inFlight.remove(cmd.jobId());
        Optional<Child> child = state.child(cmd.jobId());
        if (cmd.refusal().isEmpty() || child.isEmpty() || child.get().isFinished()) return Effect().noReply();
        return finishChild(cmd.jobId(), JobPhase.FAILED, Optional.empty(), 0, cmd.refusal());
    }

    private ReplyEffect<TuningEvent, TuningState> finishChild(String jobId, JobPhase phase, Optional<Double> metric,
                                                             long cost, Optional<String> error) {
        ctx.getLog().info("tuning job {}: child {} {} with {}", tuningId, jobId,
                phase.name().toLowerCase(java.util.Locale.ROOT), metric.map(String::valueOf).orElse("no metric"));
        return Effect().persist(new TuningEvent.ChildFinished(jobId, phase, metric, cost, error, clock.instant()))
                .thenRun(s -> ctx.getSelf().tell(Advance.INSTANCE))
                .thenNoReply();
    }

    private void submit(TuningState.Running state, String jobId) {
        if (!inFlight.add(jobId)) return;
        Child c = state.child(jobId).orElseThrow();
        ctx.pipeToSelf(children.submit(jobId, state.spec().childSpec(state.configurations().get(c.configuration()),
                c.epochs(), c.base())), (status, error) -> {
            Throwable cause = error == null ? null : Failures.cause(error);
            boolean refused = cause instanceof JobRejectedException || cause instanceof IllegalArgumentException;
            return new ChildSubmitted(jobId, refused ? Optional.of(Failures.message(cause)) : Optional.empty());
        });
    }

    @Override
    public EventHandler<TuningState, TuningEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(TuningState::apply);
    }

    @Override
    public SignalHandler<TuningState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), state -> {
                    if (state instanceof TuningState.Running running) {
                        ctx.getLog().info("tuning job {} recovered with {} children", tuningId,
                                running.children().size());
                        ctx.getSelf().tell(Poll.INSTANCE);
                        ctx.getSelf().tell(Advance.INSTANCE);
                    }
                })
                .build();
    }
}
