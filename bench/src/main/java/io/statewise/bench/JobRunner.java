package io.statewise.bench;

import io.statewise.actors.job.EpochReport;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.node.DataDirectories;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.actors.service.JobService;
import io.statewise.actors.service.TrainedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.pattern.AskTimeoutException;

/**
 * Whole jobs through a real standalone node, as a user runs them: starts a node ({@link StatewiseNode#start}), submits
 * the same job {@code jobs} times one after the other through {@link JobService#submit}. The first job (in a cold JVM,
 * the one compared with peers) is timed from the submit, planning included, until its status, polled every 5 ms,
 * says COMPLETED; the polls also time when its first and its last split were merged and when each epoch's report
 * appeared. Later jobs are timed by their own timestamps, from the job accepting the submit to its end, and polled
 * every 50 ms only: a tight polling loop takes CPU from the workers, more so with two worker slots on two cores, and
 * would bias the parallel-efficiency figure. Shared by the bench mains of every algorithm.
 */
final class JobRunner {

    /**
     * What the jobs measured.
     *
     * @param json        timings and counts of the runs, the fields every bench's report reads
     * @param firstModel  the model of the first job
     * @param firstStatus the final status of the first job
     * @param firstJobSeconds the first job's time from submit to COMPLETED
     */
    record Result(Json json, List<TrainedModel> models, JobStatus firstStatus, double firstJobSeconds) {

        /** The first (cold) job's model. */
        TrainedModel firstModel() {
            return models.get(0);
        }
    }

    private JobRunner() {}

    /**
     * Runs {@code jobs} identical jobs on a fresh node whose directory is created under {@code workDir} and deleted
     * afterwards.
     *
     * @throws IllegalStateException if a job does not complete
     */
    static Result run(JobSpec spec, int jobs, Path workDir) throws Exception {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
        Path nodeDir = workDir.toAbsolutePath().resolve("node-" + System.currentTimeMillis());
        long t0 = System.nanoTime();
        StatewiseNode node = StatewiseNode.start(NodeSettings.standalone(nodeDir));
        double nodeStart = (System.nanoTime() - t0) / 1e9;
        double[] jobSeconds = new double[jobs];
        double submitAck = Double.NaN;
        double firstMerged = Double.NaN;
        double allMerged = Double.NaN;
        JobStatus first = null;
        List<TrainedModel> models = new ArrayList<>();
        List<Double> firstEpochStarts = new ArrayList<>();
        List<Double> firstEpochReports = new ArrayList<>();
        try {
            JobService service = node.jobService();
            for (int r = 0; r < jobs; r++) {
                long s0 = System.nanoTime();
                JobStatus status = service.submit(spec).toCompletableFuture().get(60, TimeUnit.SECONDS);
                double ack = (System.nanoTime() - s0) / 1e9;
                String id = status.jobId();
                double merged1 = Double.NaN;
                double mergedAll = Double.NaN;
                List<Double> epochStarts = new ArrayList<>();
                List<Double> epochReports = new ArrayList<>();
                int epoch = 0;
                int timeouts = 0;
                while (!status.phase().isFinal()) {
                    Thread.sleep(r == 0 ? 5 : 50);
                    JobStatus polled = pollStatus(service, id);
                    if (polled == null && ++timeouts > 30) {
                        throw new IllegalStateException("job " + id + " did not answer 30 status asks in a row");
                    }
                    if (polled == null) continue;
                    timeouts = 0;
                    status = polled;
                    double now = (System.nanoTime() - s0) / 1e9;
                    if (Double.isNaN(merged1) && status.splitsDone() > 0) merged1 = now;
                    if (status.epoch() > epoch) {
                        epoch = status.epoch();
                        epochStarts.add(now);
                    }
                    while (epochReports.size() < status.epochReports().size()) epochReports.add(now);
                    if (Double.isNaN(mergedAll) && (status.phase() != JobPhase.TRAINING
                            || status.splitsDone() == status.splitsTotal())) {
                        mergedAll = now;
                    }
                }
                if (status.phase() != JobPhase.COMPLETED) {
                    throw new IllegalStateException("job " + id + " ended " + status.phase() + ": "
                            + status.error().orElse("?"));
                }
                // the first job from the client's submit (planning the data included: it is what peers are compared
                // with), polled closely; later ones by their own clock, polled loosely
                jobSeconds[r] = r == 0 ? (System.nanoTime() - s0) / 1e9 : ownSeconds(status);
                while (epochReports.size() < status.epochReports().size()) epochReports.add(jobSeconds[r]);
                if (r == 0) {
                    submitAck = ack;
                    firstMerged = merged1;
                    allMerged = mergedAll;
                    first = status;
                    firstEpochStarts = epochStarts;
                    firstEpochReports = epochReports;
                }
                models.add(service.model(id).toCompletableFuture().get(60, TimeUnit.SECONDS));
            }
        } finally {
            node.close();
            DataDirectories.delete(nodeDir);
        }
        double[] warm = Arrays.copyOfRange(jobSeconds, 1, jobs);
        // a node's JIT keeps compiling for tens of seconds: the second half of the jobs measures the warmed node
        double[] steady = Arrays.copyOfRange(jobSeconds, jobs / 2, jobs);
        Json json = new Json()
                .put("node_start_s", nodeStart)
                .put("job_s", jobSeconds[0])
                .put("warm_job_median_s", Stats.median(warm))
                .put("steady_job_median_s", Stats.median(steady))
                .put("steady_jobs", steady.length)
                .put("submit_ack_s", submitAck)
                .put("first_split_merged_s", firstMerged)
                .put("all_splits_merged_s", allMerged)
                .putArray("job_s_all", jobSeconds)
                .put("records", first.records())
                .put("splits", first.splitsTotal())
                .put("parallelism", spec.parallelism())
                .put("records_per_s_reported", first.recordsPerSecond())
                .put("hyperparameters", String.valueOf(new TreeMap<>(spec.hyperParameters())))
                .put("epochs_run", first.epoch())
                .putArray("epoch_started_s", firstEpochStarts.stream().mapToDouble(Double::doubleValue).toArray())
                .putArray("epoch_reported_s", firstEpochReports.stream().mapToDouble(Double::doubleValue).toArray())
                .put("epoch_reports", epochReports(first));
        return new Result(json, models, first, jobSeconds[0]);
    }

    /**
     * The job's status, or null when the ask timed out: a JVM paused for a while (a machine shared with other work,
     * or suspended) times out its pending asks when it resumes, which says nothing about the job.
     */
    private static JobStatus pollStatus(JobService service, String id) throws Exception {
        try {
            return service.status(id).toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AskTimeoutException) return null;
            throw e;
        }
    }

    /** A finished job's time by its own clock, from accepting the submit to its end. */
    private static double ownSeconds(JobStatus status) {
        Instant end = status.finishedAt().orElseThrow(() -> new IllegalStateException(
                "job " + status.jobId() + " ended " + status.phase() + " without a finishing time"));
        return Duration.between(status.submittedAt(), end).toNanos() / 1e9;
    }

    /** The job's per-epoch reports, {@code "1 {...}; 2 {...}"}. */
    private static String epochReports(JobStatus status) {
        StringBuilder out = new StringBuilder();
        for (EpochReport r : status.epochReports()) {
            if (out.length() > 0) out.append("; ");
            out.append(r.epoch()).append(' ').append(new TreeMap<>(r.metrics()));
        }
        return out.toString();
    }
}
