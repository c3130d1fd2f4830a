package io.statewise.actors.service;

import io.statewise.actors.Failures;
import io.statewise.actors.history.JobHistory;
import io.statewise.actors.history.Replayed;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobPlan;
import io.statewise.actors.job.JobState;
import io.statewise.actors.job.PlannedInput;
import io.statewise.actors.job.TrainingJob;
import io.statewise.algorithms.State;
import io.statewise.algorithms.training.Trainer;
import io.statewise.algorithms.tuning.TuneRequest;
import io.statewise.algorithms.tuning.TuneRequestException;
import io.statewise.algorithms.tuning.TuneResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * Tunes a completed job from its stored state: the state is rebuilt from the journal ({@link JobHistory}), the sweep
 * runs on the compute executor (the algorithm's {@link io.statewise.algorithms.tuning.Tunable}, scored on the job's
 * validation data when it has some), and the job entity persists the choice as its next model version. No actor
 * computes.
 */
final class JobTuner {

    /** Asks the job entity to persist a model version; replies with the version. */
    interface VersionStore {
        CompletionStage<Integer> add(String jobId, Function<ActorRef<StatusReply<Integer>>, TrainingJob.Command> add);
    }

    private final JobHistory history;
    private final Executor compute;
    private final VersionStore versions;

    JobTuner(JobHistory history, Executor compute, VersionStore versions) {
        this.history = history;
        this.compute = compute;
        this.versions = versions;
    }

    /**
     * Sweeps, chooses, and stores the choice as a new version.
     *
     * @return fails with {@link ModelNotReadyException} unless the job completed, {@link JobRejectedException} for a
     *         request the algorithm refuses (its field: {@code parameter}, {@code values}, {@code select},
     *         {@code target})
     */
    CompletionStage<TuneOutcome> tune(String jobId, TuneRequest request) {
        return history.replay(jobId, Long.MAX_VALUE)
                .thenApplyAsync(replayed -> sweep(jobId, replayed, request), compute)
                .thenCompose(swept -> versions.add(jobId, replyTo -> new TrainingJob.AddModelVersion(swept.model(),
                                swept.result().metrics(), Map.of(request.parameter(), swept.result().chosenValue()),
                                replyTo))
                        .thenApply(version -> new TuneOutcome(jobId, swept.result(), version)))
                .exceptionally(e -> {
                    Throwable cause = Failures.cause(e);
                    // The job refused the version: it stopped being completed meanwhile (data added).
                    if (cause instanceof StatusReply.ErrorMessage m) throw new ModelNotReadyException(m.getMessage());
                    throw e instanceof CompletionException c ? c : new CompletionException(cause);
                });
    }

    private record Swept(TuneResult result, byte[] model) {}

    private static Swept sweep(String jobId, Replayed replayed, TuneRequest request) {
        JobState state = replayed.state();
        if (!(state instanceof JobState.Finished f) || f.phase() != JobPhase.COMPLETED) {
            throw new ModelNotReadyException(jobId, JobPhase.of(state));
        }
        State trained = replayed.trainedState().orElseThrow();
        Trainer trainer = replayed.fold().trainer(f.spec());
        JobPlan plan = f.plan();
        PlannedInput validation = plan.validation().orElse(plan.train());
        try {
            TuneResult result = trainer.tune(trained, request,
                    plan.validation().isPresent() ? validation.splits() : List.of(), validation.dataFormat(),
                    plan.schema(), f.spec().maxBadRecords());
            return new Swept(result, trainer.encodeModel(result.model()));
        } catch (TuneRequestException e) {
            throw new JobRejectedException(e.field(), e.getMessage(), e);
        }
    }
}
