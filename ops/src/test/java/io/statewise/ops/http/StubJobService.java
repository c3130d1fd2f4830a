package io.statewise.ops.http;

import io.statewise.actors.job.EpochReport;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.service.JobNotFoundException;
import io.statewise.actors.service.JobRejectedException;
import io.statewise.actors.service.JobService;
import io.statewise.actors.service.ModelNotReadyException;
import io.statewise.actors.service.TrainedModel;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.Prediction;
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
 * {@link #statusPollsToComplete} status calls and then completes with a one-center model.
 */
public final class StubJobService implements JobService {
    static final Instant SUBMITTED_AT = Instant.parse("2025-01-02T03:04:05Z");

    private final Map<String, JobStatus> jobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final AtomicReference<JobSpec> lastSpec = new AtomicReference<>();
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

    /** The stub model reads no text. */
    @Override
    public CompletionStage<List<Prediction>> predictDocuments(String jobId, List<String> documents) {
        return model(jobId).thenApply(m -> {
            throw new JobRejectedException("documents", "the " + m.algorithm() + " model of job " + jobId
                    + " does not read text; send 'instances' (feature vectors)");
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
