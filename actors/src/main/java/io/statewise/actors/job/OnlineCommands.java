package io.statewise.actors.job;

import io.statewise.actors.Failures;
import io.statewise.algorithms.training.Trainer;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * The command handlers of a {@link TrainingJob} in its online phase ({@link JobState.Online}), kept apart from the
 * batch schedule. A batch of posted records arrives as a partial state computed off the job
 * ({@link TrainingJob.MergeRecords}); the job persists it as a {@link JobEvent.RecordsMerged} (the event handler merges
 * it) and only then acknowledges it, so that an acknowledged batch survives any crash. Models are finalized on the
 * compute dispatcher: on demand from the current state ({@link TrainingJob.GetModel}, cached until the next merge),
 * and once more when the client closes the job ({@link TrainingJob.Close}), which stores it as the job's model
 * version and ends the online phase.
 *
 * <p>Confined to the job's actor thread, as the job itself.
 */
final class OnlineCommands {

    private final String jobId;
    private final ActorContext<TrainingJob.Command> ctx;
    private final EffectFactories<JobEvent, JobState> effects;
    private final JobFold fold;
    private final Clock clock;
    private final Executor compute;
    private final LongSupplier lastSequenceNr;
    private final Function<JobState, JobStatus> status;
    /** A close is finalizing the model: no more records are taken. */
    private boolean closing;
    /** The model last finalized on demand, and the merges it covers (-1: none). */
    private byte[] model;
    private long modelMerges = -1;

    OnlineCommands(String jobId, ActorContext<TrainingJob.Command> ctx, EffectFactories<JobEvent, JobState> effects,
                   JobFold fold, Clock clock, Executor compute, LongSupplier lastSequenceNr,
                   Function<JobState, JobStatus> status) {
        this.jobId = jobId;
        this.ctx = ctx;
        this.effects = effects;
        this.fold = fold;
        this.clock = clock;
        this.compute = compute;
        this.lastSequenceNr = lastSequenceNr;
        this.status = status;
    }

    ReplyEffect<JobEvent, JobState> onMergeRecords(JobState.Online state, TrainingJob.MergeRecords cmd) {
        if (closing) {
            return effects.reply(cmd.replyTo(), StatusReply.error("job '" + jobId + "' is closing: it takes no more "
                    + "records"));
        }
        return effects.persist(new JobEvent.RecordsMerged(cmd.partial(), cmd.records(), cmd.badRecords(),
                        clock.instant()))
                .thenReply(cmd.replyTo(), s -> StatusReply.success(new OnlineCheckpoint(lastSequenceNr.getAsLong(),
                        ((JobState.Online) s).records())));
    }

    /** Replies with the model of the current state: cached, or finalized off the actor thread. */
    ReplyEffect<JobEvent, JobState> onGetModel(JobState.Online state, TrainingJob.GetModel cmd) {
        if (model != null && modelMerges == state.merges()) {
            return effects.reply(cmd.replyTo(), new JobView(Optional.of(status.apply(state)), Optional.of(model)));
        }
        JobTransitions transitions = fold.transitions(state.spec());
        Trainer trainer = transitions.trainer();
        ctx.pipeToSelf(CompletableFuture.supplyAsync(() ->
                        trainer.encodeModel(trainer.finalizeModel(transitions.onlineTrained(state))), compute),
                (encoded, error) -> new TrainingJob.OnlineModelFinalized(state.merges(), Optional.ofNullable(encoded),
                        cmd.replyTo()));
        return effects.noReply();
    }

    ReplyEffect<JobEvent, JobState> onModelFinalized(JobState state, TrainingJob.OnlineModelFinalized cmd) {
        if (cmd.model().isPresent() && state instanceof JobState.Online online && online.merges() == cmd.merges()) {
            model = cmd.model().get();
            modelMerges = cmd.merges();
        }
        // A state that cannot be finalized yet (no record) answers without a model: the service says why.
        return effects.reply(cmd.replyTo(), new JobView(Optional.of(status.apply(state)), cmd.model()));
    }

    /** Ends the online phase: finalizes the model (with validation and test metrics) off the actor thread. */
    ReplyEffect<JobEvent, JobState> onClose(JobState.Online state, TrainingJob.Close cmd) {
        if (closing) return effects.reply(cmd.replyTo(), StatusReply.error("job '" + jobId + "' is closing already"));
        closing = true;
        JobTransitions transitions = fold.transitions(state.spec());
        Trainer trainer = transitions.trainer();
        ctx.getLog().info("job {}: closing after {} records, finalizing", jobId, state.records());
        ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> transitions.onlineTrained(state), compute)
                        .thenCompose(trained -> ModelFinalizer.run(trainer, trained, state.plan(),
                                state.spec().maxBadRecords(), compute)),
                (result, error) -> new TrainingJob.OnlineClosed(Optional.ofNullable(result),
                        error == null ? "" : Failures.message(error), cmd.replyTo()));
        return effects.noReply();
    }

    ReplyEffect<JobEvent, JobState> onClosed(JobState.Online state, TrainingJob.OnlineClosed cmd) {
        closing = false;
        if (cmd.result().isEmpty()) {
            return effects.reply(cmd.replyTo(), StatusReply.error("cannot close job '" + jobId + "': its model "
                    + "cannot be finalized: " + cmd.error()));
        }
        ModelFinalizer.Result result = cmd.result().get();
        return effects.persist(new JobEvent.ModelFinalized(result.model(), result.metrics(), clock.instant(),
                        Optional.of(1)))
                .thenRun(s -> ctx.getLog().info("job {} closed: {} records", jobId, state.records()))
                .thenReply(cmd.replyTo(), s -> StatusReply.success(status.apply(s)));
    }
}
