package io.statewise.ops.http;

import io.statewise.actors.history.EventPage;
import io.statewise.actors.history.HistoricModel;
import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.EpochReport;
import io.statewise.actors.job.EventSummary;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.job.ModelVersion;
import io.statewise.actors.online.RecordsAccepted;
import io.statewise.algorithms.data.RecordStreams;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import io.statewise.actors.service.JobNotFoundException;
import io.statewise.actors.service.JobRejectedException;
import io.statewise.actors.service.JobService;
import io.statewise.actors.service.ModelNotReadyException;
import io.statewise.actors.service.TrainedModel;
import io.statewise.algorithms.Model;
import io.statewise.actors.service.TuneOutcome;
import io.statewise.algorithms.Prediction;
import io.statewise.algorithms.tuning.TuneRequest;
import io.statewise.algorithms.tuning.TuneResult;
import io.statewise.algorithms.tuning.TuneRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory {@link JobService} for route and client tests. Algorithm {@code reject} is rejected with field
 * {@code hyperparameters.k}; job id {@code boom} fails with an unexpected error; a submitted job trains for
 * {@link #statusPollsToComplete} status calls and then completes with a one-center model. Every job's history is
 * {@link #HISTORY}: submitted, two splits merged, model version 1 at event 4.
 */
public final class StubJobService implements JobService {
    static final Instant SUBMITTED_AT = Instant.parse("2025-01-02T03:04:05Z");

    /** The history of every job. */
    static final List<EventSummary> HISTORY = List.of(
            summary(1, "job_submitted", null, null), summary(2, "split_merged", 0, null),
            summary(3, "split_merged", 1, null), summary(4, "model_finalized", null, 1));

    private final Map<String, JobStatus> jobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final AtomicReference<JobSpec> lastSpec = new AtomicReference<>();
    private final AtomicReference<DataInput> lastAdded = new AtomicReference<>();
    public volatile int statusPollsToComplete = Integer.MAX_VALUE;

    /** A model of one center at the origin; predicts cluster 0 at the row's Euclidean norm. */
    public record StubModel(String algorithm, float[][] centers) implements Model {
        @Override
        public int featureDimension() {
            return centers[0].length;
        }

        @Override
        public Prediction predict(float[] features) {
            double sum = 0;
            for (float f : features) sum += f * f;
            return new StubPrediction(0, Math.sqrt(sum));
        }
    }

    /** The stub model's prediction. */
    public record StubPrediction(int cluster, double distance) implements Prediction {}

    public void reset() {
        jobs.clear();
        polls.clear();
        lastSpec.set(null);
        nextId.set(0);
        statusPollsToComplete = Integer.MAX_VALUE;
    }

    public JobSpec lastSpec() {
        return lastSpec.get();
    }

    /** Adds a job in {@code phase}. */
    public void put(String jobId, JobPhase phase) {
        jobs.put(jobId, status(jobId, phase));
    }

    @Override
    public CompletionStage<JobStatus> submit(JobSpec spec) {
        lastSpec.set(spec);
        if (spec.algorithm().equals("reject")) {
            return CompletableFuture.failedFuture(
                    new JobRejectedException("hyperparameters.k", "k must be >= 1, got 0"));
        }
        String id = "job-" + nextId.incrementAndGet();
        put(id, JobPhase.TRAINING);
        return CompletableFuture.completedFuture(jobs.get(id));
    }

    @Override
    public CompletionStage<JobStatus> status(String jobId) {
        if (jobId.equals("boom")) return CompletableFuture.failedFuture(new IllegalStateException("disk on fire"));
        JobStatus s = jobs.get(jobId);
        if (s == null) return CompletableFuture.failedFuture(new JobNotFoundException(jobId));
        if (polls.computeIfAbsent(jobId, id -> new AtomicInteger()).incrementAndGet() >= statusPollsToComplete) {
            put(jobId, JobPhase.COMPLETED);
        }
        return CompletableFuture.completedFuture(jobs.get(jobId));
    }

    @Override
    public CompletionStage<List<JobStatus>> list() {
        return CompletableFuture.completedFuture(new ArrayList<>(jobs.values()));
    }

    @Override
    public CompletionStage<JobStatus> cancel(String jobId) {
        if (!jobs.containsKey(jobId)) return CompletableFuture.failedFuture(new JobNotFoundException(jobId));
        put(jobId, JobPhase.CANCELLED);
        return CompletableFuture.completedFuture(jobs.get(jobId));
    }

    @Override
    public CompletionStage<TrainedModel> model(String jobId) {
        return completed(jobId).thenApply(s -> new TrainedModel(jobId, s.algorithm(), 1000,
                Map.of("validation_msd", 0.25), new StubModel(s.algorithm(), new float[][] {{0f, 0f}})));
    }

    @Override
    public CompletionStage<List<Prediction>> predict(String jobId, List<float[]> rows) {
        return model(jobId).thenApply(m -> {
            List<Prediction> predictions = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).length != m.model().featureDimension()) {
                    throw new JobRejectedException("instances[" + i + "]", "instance " + i + " has "
                            + rows.get(i).length + " features, the model expects " + m.model().featureDimension());
                }
                predictions.add(m.model().predict(rows.get(i)));
            }
            return predictions;
        });
    }

    @Override
    public CompletionStage<EventPage> events(String jobId, long from, int limit) {
        return known(jobId).thenApply(s -> {
            List<EventSummary> page = HISTORY.stream().filter(e -> e.sequenceNr() >= from).limit(limit).toList();
            long next = from + limit;
            return new EventPage(page, next <= HISTORY.size() ? Optional.of(next) : Optional.empty());
        });
    }

    @Override
    public CompletionStage<List<ModelVersion>> versions(String jobId) {
        return known(jobId).thenApply(s -> List.of(new ModelVersion(1, 4, SUBMITTED_AT, "training",
                Map.of("validation_msd", 0.25), Map.of())));
    }

    /** Events 1 to 3 have no version (500 records merged by event 3); event 4 stored version 1. */
    @Override
    public CompletionStage<HistoricModel> modelAsOf(String jobId, long sequenceNr) {
        return known(jobId).thenApply(s -> {
            if (sequenceNr > HISTORY.size()) {
                throw new JobRejectedException("asOf", "asOf " + sequenceNr + " is beyond the last event of job '"
                        + jobId + "' (" + HISTORY.size() + ")");
            }
            boolean versioned = sequenceNr == HISTORY.size();
            return new HistoricModel(jobId, s.algorithm(), sequenceNr, versioned ? Optional.of(1) : Optional.empty(),
                    versioned ? 1000 : 500, versioned ? Map.of("validation_msd", 0.25) : Map.of(),
                    new StubModel(s.algorithm(), new float[][] {{(float) sequenceNr, 0f}}));
        });
    }

    @Override
    public CompletionStage<HistoricModel> modelVersion(String jobId, int version) {
        if (version != 1) {
            return known(jobId).thenApply(s -> {
                throw new JobRejectedException("version", "job '" + jobId + "' has no model version " + version);
            });
        }
        return modelAsOf(jobId, HISTORY.size());
    }

    private CompletionStage<JobStatus> known(String jobId) {
        JobStatus s = jobs.get(jobId);
        return s == null ? CompletableFuture.failedFuture(new JobNotFoundException(jobId))
                : CompletableFuture.completedFuture(s);
    }

    private static EventSummary summary(long seq, String type, Integer split, Integer version) {
        return new EventSummary(seq, type, SUBMITTED_AT.plusSeconds(seq), Optional.ofNullable(split).map(x -> 1),
                Optional.ofNullable(split), Optional.empty(), Optional.ofNullable(split).map(x -> 250L),
                Optional.ofNullable(split).map(x -> 0L), Optional.ofNullable(version), Optional.empty(),
                Optional.empty());
    }

    /** A completed job takes data and trains again; any other job refuses it. */
    @Override
    public CompletionStage<JobStatus> addData(String jobId, DataInput data) {
        lastAdded.set(data);
        return known(jobId).thenApply(s -> {
            if (s.phase() != JobPhase.COMPLETED) {
                throw new JobRejectedException(null, "cannot add data to job '" + jobId + "': it is "
                        + s.phase().name().toLowerCase(java.util.Locale.ROOT));
            }
            put(jobId, JobPhase.TRAINING);
            return jobs.get(jobId);
        });
    }

    /** Online jobs are tested against a real node (test module): the stub has none. */
    @Override
    public CompletionStage<RecordsAccepted> postRecords(String jobId, RecordStreams.Syntax syntax,
                                                        Source<ByteString, ?> records) {
        return known(jobId).thenApply(s -> {
            throw new JobRejectedException(null, "job '" + jobId + "' is not an online job");
        });
    }

    @Override
    public CompletionStage<JobStatus> close(String jobId) {
        return known(jobId).thenApply(s -> {
            throw new JobRejectedException(null, "job '" + jobId + "' is not an online job");
        });
    }

    public DataInput lastAdded() {
        return lastAdded.get();
    }

    /**
     * Tunes {@code k} only: row {@code i} scores {@code msd = 10 / k} and a silhouette that does not apply (NaN);
     * the first value is chosen and becomes version 2.
     */
    @Override
    public CompletionStage<TuneOutcome> tune(String jobId, TuneRequest request) {
        return completed(jobId).thenApply(s -> {
            if (!request.parameter().equals("k")) {
                throw new JobRejectedException("parameter", "kmeans has no hyperparameter '" + request.parameter()
                        + "'; it can tune k");
            }
            List<TuneRow> rows = new ArrayList<>();
            for (String k : request.values()) {
                Map<String, Double> scores = new java.util.LinkedHashMap<>();
                scores.put("validation_msd", 10.0 / Double.parseDouble(k));
                scores.put("validation_silhouette", Double.NaN);
                rows.add(new TuneRow(k, scores));
            }
            return new TuneOutcome(jobId, new TuneResult("k", rows, 0, "elbow of validation_msd",
                    new StubModel(s.algorithm(), new float[][] {{0f, 0f}}), Map.of("validation_msd", 1.0)), 2);
        });
    }

    /** The stub model reads no text. */
    @Override
    public CompletionStage<List<Prediction>> predictDocuments(String jobId, List<String> documents) {
        return model(jobId).thenApply(m -> {
            throw new JobRejectedException("documents", "the " + m.algorithm() + " model of job " + jobId
                    + " does not read text; send 'instances' (feature vectors)");
        });
    }

    @Override
    public CompletionStage<List<Prediction>> predictSeries(String jobId, List<String> series) {
        return model(jobId).thenApply(m -> {
            throw new JobRejectedException("instances", "the " + m.algorithm() + " model of job " + jobId
                    + " does not forecast series; send feature vectors");
        });
    }

    private CompletionStage<JobStatus> completed(String jobId) {
        JobStatus s = jobs.get(jobId);
        if (s == null) return CompletableFuture.failedFuture(new JobNotFoundException(jobId));
        if (s.phase() != JobPhase.COMPLETED) {
            return CompletableFuture.failedFuture(new ModelNotReadyException(jobId, s.phase()));
        }
        return CompletableFuture.completedFuture(s);
    }

    private static JobStatus status(String jobId, JobPhase phase) {
        boolean done = phase.isFinal();
        return new JobStatus(jobId, "kmeans", phase, done ? 3 : 2, 3, done ? 4 : 1, 4, done ? 1000 : 500, 1234.5, 0,
                done ? Map.of("validation_msd", 0.25) : Map.of(), Optional.empty(), SUBMITTED_AT,
                done ? Optional.of(SUBMITTED_AT.plusSeconds(60)) : Optional.empty(),
                List.of(new EpochReport(1, Map.of("train_loss", 0.5))),
                Map.of("pekko://statewise@127.0.0.1:2551", done ? 12L : 2L), 4096, 0);
    }
}
