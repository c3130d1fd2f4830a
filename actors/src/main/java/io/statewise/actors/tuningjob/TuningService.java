package io.statewise.actors.tuningjob;

import io.statewise.actors.job.JobPlanner;
import io.statewise.actors.job.JobSettings;
import io.statewise.actors.service.JobDirectory;
import io.statewise.actors.service.JobIds;
import io.statewise.actors.service.JobNotFoundException;
import io.statewise.actors.service.JobService;
import io.statewise.actors.service.ModelNotReadyException;
import io.statewise.actors.service.Relay;
import io.statewise.actors.service.TrainedModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The runtime's API of tuning jobs for the operations layer: starts them (checking and planning off the actor
 * threads), reads their status, and serves the best child's model. Stages fail with
 * {@link io.statewise.actors.service.JobRejectedException} for a bad request, {@link JobNotFoundException} and
 * {@link ModelNotReadyException} as {@link JobService}'s do.
 */
public final class TuningService {

    private final ClusterSharding sharding;
    private final JobSettings settings;
    private final JobService jobs;
    private final TuningPlanner planner;
    private final JobDirectory directory;
    private final Executor compute;
    private final Executor replies;

    public TuningService(ActorSystem<?> system, JobSettings settings, JobService jobs) {
        this.sharding = ClusterSharding.get(system);
        this.settings = settings;
        this.jobs = jobs;
        this.planner = new TuningPlanner(new JobPlanner(settings.splitSizeBytes(),
                Runtime.getRuntime().availableProcessors()));
        this.directory = new JobDirectory(system, TuningJob.TYPE_KEY);
        this.compute = system.dispatchers().lookup(DispatcherSelector.fromConfig(JobSettings.COMPUTE_DISPATCHER));
        this.replies = system.executionContext();
    }

    /** Checks the request, draws its configurations and starts the search. */
    public CompletionStage<TuningStatus> start(TuningRequest request) {
        String tuningId = JobIds.newId("tuning");
        return CompletableFuture.supplyAsync(() -> planner.plan(request), compute)
                .thenCompose(planned -> Relay.on(replies, tuning(tuningId).askWithStatus(
                        replyTo -> new TuningJob.Start(tuningId, planned.spec(), planned.configurations(), replyTo),
                        settings.askTimeout())));
    }

    /** The status of a tuning job. */
    public CompletionStage<TuningStatus> status(String tuningId) {
        return Relay.on(replies, tuning(tuningId).ask(TuningJob.GetStatus::new, settings.askTimeout()))
                .thenApply(v -> v.status().orElseThrow(() -> new JobNotFoundException(tuningId)));
    }

    /** The model of the search's best child, once the search completed. */
    public CompletionStage<TrainedModel> bestModel(String tuningId) {
        return status(tuningId).thenCompose(s -> {
            if (s.best().isEmpty()) {
                throw new ModelNotReadyException("tuning job '" + tuningId + "' has no best model: it is "
                        + s.phase().name().toLowerCase(java.util.Locale.ROOT));
            }
            return jobs.model(s.best().get().jobId());
        });
    }

    /** Wakes every tuning job the journal knows, so that unfinished searches go on on this cluster. */
    public CompletionStage<Integer> resumeAll() {
        return Relay.on(replies, directory.jobIds()).thenApply(ids -> {
            for (String id : ids) tuning(id).tell(TuningJob.Resume.INSTANCE);
            return ids.size();
        });
    }

    private EntityRef<TuningJob.Command> tuning(String tuningId) {
        return sharding.entityRefFor(TuningJob.TYPE_KEY, tuningId);
    }
}
