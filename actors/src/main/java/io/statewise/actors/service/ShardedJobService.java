package io.statewise.actors.service;

import io.statewise.actors.Failures;
import io.statewise.actors.history.EventPage;
import io.statewise.actors.history.HistoricModel;
import io.statewise.actors.history.JobHistory;
import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobBase;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobPlan;
import io.statewise.actors.job.PlannedInput;
import io.statewise.actors.job.JobPlanner;
import io.statewise.actors.job.JobSettings;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.job.JobView;
import io.statewise.actors.job.ModelVersion;
import io.statewise.actors.job.TrainingJob;
import io.statewise.actors.online.OnlineSettings;
import io.statewise.actors.online.RecordsAccepted;
import io.statewise.actors.online.RecordsIngest;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.Prediction;
import io.statewise.algorithms.SeriesModel;
import io.statewise.algorithms.TextModel;
import io.statewise.algorithms.data.DataException;
import io.statewise.algorithms.data.JsonSeriesParser;
import io.statewise.algorithms.data.RecordStreams;
import io.statewise.algorithms.data.SeriesBatch;
import io.statewise.algorithms.text.Documents;
import io.statewise.algorithms.training.Trainer;
import io.statewise.algorithms.tuning.TuneRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * {@link JobService} over the sharded {@link TrainingJob} entities. Planning (file I/O) runs on the compute
 * dispatcher; everything else is an ask to the job entity, wherever in the cluster it lives.
 */
public final class ShardedJobService implements JobService {

    private static final int DECODED_MODELS = 32;

    private final ActorSystem<?> system;
    private final ClusterSharding sharding;
    private final JobSettings settings;
    private final JobPlanner planner;
    private final JobDirectory directory;
    private final JobHistory history;
    private final JobTuner tuner;
    private final RecordsIngest ingest;
    private final Executor compute;
    /** Where dependents of asks run ({@link Relay}): the system's default dispatcher. */
    private final Executor replies;
    /**
     * Decoded models of recently used completed jobs, so that a stream of predict requests does not decode the model
     * each time; bounded, so memory does not grow with the number of jobs. A job's model changes with each new
     * version (tuning, added data), so an entry holds the encoded model it was decoded from and serves only that.
     */
    private final Map<String, Decoded> models = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Decoded> eldest) {
            return size() > DECODED_MODELS;
        }
    });

    public ShardedJobService(ActorSystem<?> system, JobSettings settings) {
        this.system = system;
        this.sharding = ClusterSharding.get(system);
        this.settings = settings;
        this.planner = new JobPlanner(settings.splitSizeBytes(), Runtime.getRuntime().availableProcessors());
        this.directory = new JobDirectory(system, TrainingJob.TYPE_KEY);
        this.compute = system.dispatchers().lookup(DispatcherSelector.fromConfig(JobSettings.COMPUTE_DISPATCHER));
        this.replies = system.executionContext();
        this.history = new JobHistory(system, compute);
        this.ingest = new RecordsIngest(system, OnlineSettings.from(system.settings().config()),
                settings.askTimeout());
        this.tuner = new JobTuner(history, compute, (jobId, add) -> Relay.on(replies,
                job(jobId).askWithStatus(add::apply, settings.askTimeout())));
    }

    @Override
    public CompletionStage<JobStatus> submit(JobSpec spec) {
        return submitAs(JobIds.newId(spec.algorithm()), spec);
    }

    /**
     * As {@link #submit}, under a job id the caller chose (a tuning job names its children, so that it finds them
     * again after a restart). Fails with an error reply if a job has this id.
     */
    public CompletionStage<JobStatus> submitAs(String jobId, JobSpec spec) {
        return CompletableFuture.supplyAsync(() -> planner.plan(spec), compute)
                .thenCompose(plan -> baseStart(spec, plan).thenCompose(base -> Relay.on(replies,
                        job(jobId).askWithStatus(replyTo -> base.isEmpty()
                                        ? new TrainingJob.Submit(jobId, spec, plan, replyTo)
                                        : new TrainingJob.Submit(jobId, spec, plan, base.get(), replyTo),
                                settings.askTimeout()))));
    }

    /** How the job starts from the spec's base job, replayed from the journal and checked ({@link JobBase}). */
    private CompletionStage<Optional<JobBase.Start>> baseStart(JobSpec spec, JobPlan plan) {
        if (spec.base().isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
        String baseId = spec.base().get();
        return history.replay(baseId, Long.MAX_VALUE)
                .exceptionally(e -> {
                    Throwable cause = Failures.cause(e);
                    if (cause instanceof JobNotFoundException) {
                        throw new JobRejectedException("base", "no job with id '" + baseId + "' to start from");
                    }
                    throw e instanceof CompletionException c ? c : new CompletionException(cause);
                })
                .thenApplyAsync(base -> Optional.of(JobBase.startFor(spec, plan, base.fold(), base.state())),
                        compute);
    }

    @Override
    public CompletionStage<JobStatus> status(String jobId) {
        return view(jobId, TrainingJob.GetStatus::new).thenApply(v -> v.status().orElseThrow());
    }

    @Override
    public CompletionStage<List<JobStatus>> list() {
        return Relay.on(replies, directory.jobIds()).thenCompose(ids -> {
            List<CompletableFuture<JobView>> views = new ArrayList<>();
            for (String id : ids) views.add(ask(id, TrainingJob.GetStatus::new).toCompletableFuture());
            return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<JobStatus> out = new ArrayList<>();
                for (CompletableFuture<JobView> v : views) v.join().status().ifPresent(out::add);
                out.sort(Comparator.comparing(JobStatus::submittedAt).reversed());
                return out;
            });
        });
    }

    @Override
    public CompletionStage<JobStatus> cancel(String jobId) {
        return view(jobId, TrainingJob.Cancel::new).thenApply(v -> v.status().orElseThrow());
    }

    @Override
    public CompletionStage<TrainedModel> model(String jobId) {
        return view(jobId, TrainingJob.GetModel::new).thenApply(v -> {
            JobStatus status = v.status().orElseThrow();
            if (status.phase() == JobPhase.ONLINE && v.model().isEmpty()) {
                throw new ModelNotReadyException("online job '" + jobId + "' has no model yet: "
                        + (status.records() == 0 ? "no record was posted to it" : "its state cannot be finalized"));
            }
            if ((status.phase() != JobPhase.COMPLETED && status.phase() != JobPhase.ONLINE) || v.model().isEmpty()) {
                throw new ModelNotReadyException(jobId, status.phase());
            }
            byte[] encoded = v.model().get();
            Decoded decoded = models.get(jobId);
            if (decoded == null || !Arrays.equals(decoded.encoded(), encoded)) {
                decoded = new Decoded(encoded, Trainer.decodeModel(status.algorithm(), encoded));
                models.put(jobId, decoded);
            }
            return new TrainedModel(jobId, status.algorithm(), status.records(), status.metrics(), decoded.model());
        });
    }

    /** A model and the encoded form it was decoded from. */
    private record Decoded(byte[] encoded, Model model) {}

    @Override
    public CompletionStage<EventPage> events(String jobId, long from, int limit) {
        return history.events(jobId, from, limit);
    }

    @Override
    public CompletionStage<List<ModelVersion>> versions(String jobId) {
        return history.versions(jobId);
    }

    @Override
    public CompletionStage<HistoricModel> modelAsOf(String jobId, long sequenceNr) {
        return history.modelAsOf(jobId, sequenceNr);
    }

    @Override
    public CompletionStage<HistoricModel> modelVersion(String jobId, int version) {
        return history.modelVersion(jobId, version);
    }

    @Override
    public CompletionStage<JobStatus> addData(String jobId, DataInput data) {
        return Relay.on(replies, job(jobId).ask(TrainingJob.GetDefinition::new, settings.askTimeout()))
                .thenApplyAsync(definition -> {
                    JobSpec spec = definition.spec().orElseThrow(() -> new JobNotFoundException(jobId));
                    JobPlan plan = definition.plan().orElseThrow();
                    return new AddedSplits(planner.planAdded(spec, plan, data), plan.splitsPerEpoch());
                }, compute)
                .thenCompose(planned -> Relay.on(replies, job(jobId).<JobStatus>askWithStatus(
                        replyTo -> new TrainingJob.AddData(planned.splits(), planned.expectedSplits(), replyTo),
                        settings.askTimeout())))
                // The job's refusal (not completed, several epochs) is the client's to fix.
                .exceptionally(ShardedJobService::refusalAsRejection);
    }

    /** Added data planned against the job's plan of {@code expectedSplits} splits. */
    private record AddedSplits(PlannedInput splits, int expectedSplits) {}

    @Override
    public CompletionStage<RecordsAccepted> postRecords(String jobId, RecordStreams.Syntax syntax,
                                                        Source<ByteString, ?> records) {
        return Relay.on(replies, ingest.post(jobId, syntax, records));
    }

    @Override
    public CompletionStage<JobStatus> close(String jobId) {
        // An unknown id fails the status query (404) before the close is asked.
        return status(jobId).thenCompose(s -> Relay.on(replies,
                        job(jobId).<JobStatus>askWithStatus(TrainingJob.Close::new, settings.askTimeout())))
                .exceptionally(ShardedJobService::refusalAsRejection);
    }

    /** A job's refusal ({@link StatusReply#error}) is the client's to fix: a rejection; other failures pass. */
    private static <T> T refusalAsRejection(Throwable e) {
        Throwable cause = Failures.cause(e);
        if (cause instanceof StatusReply.ErrorMessage m) throw new JobRejectedException(null, m.getMessage());
        if (cause instanceof RuntimeException r) throw r;
        throw new CompletionException(cause);
    }

    @Override
    public CompletionStage<TuneOutcome> tune(String jobId, TuneRequest request) {
        return tuner.tune(jobId, request);
    }

    @Override
    public CompletionStage<List<Prediction>> predict(String jobId, List<float[]> rows) {
        return model(jobId).thenApplyAsync(trained -> {
            Model model = trained.model();
            List<Prediction> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                float[] row = rows.get(i);
                if (row.length != model.featureDimension()) {
                    throw new JobRejectedException("instances[" + i + "]", "instance " + i + " has " + row.length
                            + " features, the model expects " + model.featureDimension());
                }
                try {
                    out.add(model.predict(row));
                } catch (UnsupportedOperationException e) {
                    // A model that does not score records (a vocabulary) is a client's wrong request, not a failure.
                    throw new JobRejectedException(null, "the " + trained.algorithm() + " model of job " + jobId
                            + " does not predict: " + e.getMessage(), e);
                }
            }
            return out;
        }, compute);
    }

    @Override
    public CompletionStage<List<Prediction>> predictDocuments(String jobId, List<String> documents) {
        return model(jobId).thenApplyAsync(trained -> {
            if (!(trained.model() instanceof TextModel model)) {
                throw new JobRejectedException("documents", "the " + trained.algorithm() + " model of job " + jobId
                        + " does not read text; send 'instances' (feature vectors)");
            }
            try {
                return List.<Prediction>copyOf(model.predict(Documents.tokenize(documents)));
            } catch (IllegalStateException e) {
                throw new JobRejectedException("documents", e.getMessage(), e);
            }
        }, compute);
    }

    @Override
    public CompletionStage<List<Prediction>> predictSeries(String jobId, List<String> series) {
        return model(jobId).thenApplyAsync(trained -> {
            if (!(trained.model() instanceof SeriesModel model)) {
                throw new JobRejectedException("instances", "the " + trained.algorithm() + " model of job " + jobId
                        + " does not forecast series; send feature vectors");
            }
            SeriesBatch batch = new SeriesBatch(Math.max(1, series.size()));
            JsonSeriesParser parser = new JsonSeriesParser();
            for (int i = 0; i < series.size(); i++) {
                try {
                    parser.parse(series.get(i), "instances[" + i + "]", batch);
                } catch (DataException e) {
                    throw new JobRejectedException("instances[" + i + "]", e.getMessage(), e);
                }
            }
            try {
                return List.<Prediction>copyOf(model.forecast(batch));
            } catch (DataException e) {
                throw new JobRejectedException("instances", e.getMessage(), e);
            }
        }, compute);
    }

    /** The status of a job, or empty if no job has this id (no exception). */
    public CompletionStage<Optional<JobStatus>> find(String jobId) {
        return ask(jobId, TrainingJob.GetStatus::new).thenApply(JobView::status);
    }

    /** Asks every job the journal knows for its status, which restarts unfinished ones on this cluster. */
    public CompletionStage<Integer> resumeAll() {
        return Relay.on(replies, directory.jobIds()).thenApply(ids -> {
            for (String id : ids) job(id).tell(TrainingJob.Resume.INSTANCE);
            return ids.size();
        });
    }

    private CompletionStage<JobView> view(String jobId, Function<ActorRef<JobView>, TrainingJob.Command> message) {
        return ask(jobId, message).thenApply(v -> {
            if (v.status().isEmpty()) throw new JobNotFoundException(jobId);
            return v;
        });
    }

    private CompletionStage<JobView> ask(String jobId, Function<ActorRef<JobView>, TrainingJob.Command> message) {
        return Relay.on(replies, job(jobId).ask(message, settings.askTimeout()));
    }

    private EntityRef<TrainingJob.Command> job(String jobId) {
        return sharding.entityRefFor(TrainingJob.TYPE_KEY, jobId);
    }
}
