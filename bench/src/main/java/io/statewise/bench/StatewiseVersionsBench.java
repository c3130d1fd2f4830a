package io.statewise.bench;

import com.typesafe.config.ConfigFactory;
import io.statewise.actors.history.EventPage;
import io.statewise.actors.history.HistoricModel;
import io.statewise.actors.history.OfflineJournal;
import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.node.DataDirectories;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.actors.service.JobService;
import io.statewise.actors.service.TuneOutcome;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.algorithms.tuning.Elbow;
import io.statewise.algorithms.tuning.TuneRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The model-versions benchmark (issue 8), k-means on Gaussian blobs written by {@link GaussianBlobs}. Two modes, each
 * printing one JSON line:
 * <ul>
 *   <li>{@code replay --rows N --dim D --splits S --work-dir DIR}: one job of about {@code S + 3} events (one split
 *       merge each, its epoch end, its model), then the model as of the last event (the stored version), of the one
 *       before it (every merge replayed, the worst case), of the middle one, and as version 1, through the node's
 *       service (JDBC read journal), each three times; then the worst case as {@code statewise replay} runs it, from
 *       the journal alone with the node stopped (its local actor system's start included).</li>
 *   <li>{@code tune --rows N --dim D --true-k T --k-max K --work-dir DIR}: one job with {@code k = K} and validation
 *       data, tuned over {@code k = 2..K} ({@code POST /tune}'s service call: replay, sweep, new version), against
 *       {@code K - 1} separate jobs, one per k, whose validation MSD curve is given the same elbow rule.</li>
 *   <li>{@code incremental --rows N --dim D [--split-size BYTES] --work-dir DIR}: for k-means and PCA (regular), a
 *       job over N rows, then 10% more rows added to it ({@code POST /data} to COMPLETED), against one job over all
 *       the rows with the same split size; the split cache is off so that no job reads parsed splits of another.
 *       After a warm-up job and add per algorithm, three timed adds (each to a new job over N rows) and three whole
 *       jobs; medians reported.</li>
 * </ul>
 */
public final class StatewiseVersionsBench {

    private static final long TIMEOUT_S = 600;
    /** Timed adds and whole jobs per algorithm in the incremental mode (medians reported). */
    private static final int REPEATS = 3;

    private StatewiseVersionsBench() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: StatewiseVersionsBench replay|tune|incremental --work-dir DIR ...");
            System.exit(2);
        }
        Args args = new Args(Arrays.copyOfRange(argv, 1, argv.length));
        switch (argv[0]) {
            case "replay" -> replay(args);
            case "tune" -> tune(args);
            case "incremental" -> incremental(args);
            default -> throw new IllegalArgumentException("unknown mode " + argv[0]);
        }
        System.exit(0);
    }

    private static void replay(Args args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.required("work-dir")).toAbsolutePath());
        Path csv = work.resolve("replay-blobs.csv");
        int dim = args.getInt("dim", 10);
        new GaussianBlobs(10, dim, 1.0, 42L).writeCsv(csv, args.getLong("rows", 200_000), false);
        int splits = args.getInt("splits", 998);
        JobSpec spec = new JobSpec("kmeans", Map.of("k", "10", "seed", "1"), new DataInput(List.of(csv.toString()),
                false, -1), Optional.empty(), Optional.empty(), 2, 0, Files.size(csv) / splits + 1);
        Path nodeDir = work.resolve("replay-node");
        DataDirectories.delete(nodeDir);
        Json json = new Json();
        String jobId;
        long events;
        try (StatewiseNode node = StatewiseNode.start(NodeSettings.standalone(nodeDir))) {
            JobService jobs = node.jobService();
            long t0 = System.nanoTime();
            jobId = completed(jobs, spec).jobId();
            json.put("train_s", seconds(t0));
            events = countEvents(jobs, jobId);
            json.put("events", events);
            json.put("asof_last_s", median3(() -> jobs.modelAsOf(jobId, events)));
            // The event before the model: every merge is replayed and the state finalized (the worst case).
            json.put("asof_before_version_s", median3(() -> jobs.modelAsOf(jobId, events - 1)));
            json.put("asof_middle_s", median3(() -> jobs.modelAsOf(jobId, events / 2)));
            json.put("version1_s", median3(() -> jobs.modelVersion(jobId, 1)));
        }
        long t0 = System.nanoTime();
        try (OfflineJournal offline = OfflineJournal.open(OfflineJournal.config(nodeDir, Optional.empty(),
                ConfigFactory.empty()))) {
            HistoricModel model = await(offline.history().modelAsOf(jobId, events - 1));
            json.put("offline_replay_before_version_s", seconds(t0));
            json.put("offline_replay_records", model.records());
        }
        DataDirectories.delete(nodeDir);
        System.out.println(json);
    }

    private static void tune(Args args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.required("work-dir")).toAbsolutePath());
        int dim = args.getInt("dim", 10);
        int trueK = args.getInt("true-k", 8);
        int kMax = args.getInt("k-max", 30);
        GaussianBlobs blobs = new GaussianBlobs(trueK, dim, 1.0, 7L);
        Path train = work.resolve("tune-train.csv");
        Path validation = work.resolve("tune-validation.csv");
        blobs.writeCsv(train, args.getLong("rows", 200_000), false);
        blobs.writeCsv(validation, args.getLong("rows", 200_000) / 10, false);
        Path nodeDir = work.resolve("tune-node");
        DataDirectories.delete(nodeDir);
        Json json = new Json();
        try (StatewiseNode node = StatewiseNode.start(NodeSettings.standalone(nodeDir))) {
            JobService jobs = node.jobService();
            long t0 = System.nanoTime();
            String jobId = completed(jobs, spec(kMax, train, validation)).jobId();
            json.put("train_kmax_s", seconds(t0));
            List<String> ks = new ArrayList<>();
            for (int k = 2; k <= kMax; k++) ks.add(Integer.toString(k));
            TuneRequest request = new TuneRequest("k", ks, Optional.empty(), OptionalDouble.empty());
            t0 = System.nanoTime();
            TuneOutcome tuned = await(jobs.tune(jobId, request));
            double tuneSeconds = seconds(t0);
            json.put("tune_s", tuneSeconds);
            json.put("tune_choice", tuned.result().chosenValue());
            t0 = System.nanoTime();
            await(jobs.tune(jobId, request));
            json.put("tune_again_s", seconds(t0));

            double[] x = new double[kMax - 1];
            double[] msd = new double[kMax - 1];
            double separate = 0;
            for (int k = 2; k <= kMax; k++) {
                long s0 = System.nanoTime();
                JobStatus status = completed(jobs, spec(k, train, validation));
                separate += seconds(s0);
                x[k - 2] = k;
                msd[k - 2] = status.metrics().get("validation_msd");
            }
            json.put("separate_jobs_s", separate);
            json.put("separate_choice", Integer.toString((int) x[Elbow.of(x, msd)]));
            json.put("tune_over_separate", tuneSeconds / separate);
            json.put("true_k", trueK);
        }
        DataDirectories.delete(nodeDir);
        System.out.println(json);
    }

    private static void incremental(Args args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.required("work-dir")).toAbsolutePath());
        int dim = args.getInt("dim", 10);
        long rows = args.getLong("rows", 1_000_000);
        GaussianBlobs blobs = new GaussianBlobs(8, dim, 1.0, 5L);
        Path a = work.resolve("incremental-a.csv");
        Path b = work.resolve("incremental-b.csv");
        blobs.writeCsv(a, rows, false);
        blobs.writeCsv(b, rows / 10, false);
        Path warmUp = work.resolve("incremental-warm-up.csv");
        blobs.writeCsv(warmUp, rows / 10, false);
        Path nodeDir = work.resolve("incremental-node");
        DataDirectories.delete(nodeDir);
        long splitBytes = args.getLong("split-size", 0);
        Json json = new Json().put("rows", rows).put("added_rows", rows / 10).put("split_size", splitBytes);
        com.typesafe.config.Config noCache = ConfigFactory.parseString("statewise.actors.split-cache.enabled = off");
        try (StatewiseNode node = StatewiseNode.start(NodeSettings.standalone(nodeDir), noCache)) {
            JobService jobs = node.jobService();
            for (var algorithm : List.of(Map.entry("kmeans", Map.of("k", "8", "seed", "1")),
                    Map.entry("pca", Map.of("num_components", "5")))) {
                String name = algorithm.getKey();
                Map<String, String> hyperParameters = algorithm.getValue();
                // Warm-up: a small job and an add to it, so that both timed paths (a whole job, an add) run compiled.
                String warm = completed(jobs, new JobSpec(name, hyperParameters, input(warmUp), Optional.empty(),
                        Optional.empty(), 2, 0, splitBytes)).jobId();
                addData(jobs, warm, b);
                double[] add = new double[REPEATS];
                double[] full = new double[REPEATS];
                boolean sameModels = true;
                long addedRecords = 0;
                for (int r = 0; r < REPEATS; r++) {
                    String grown = completed(jobs, new JobSpec(name, hyperParameters, input(a), Optional.empty(),
                            Optional.empty(), 2, 0, splitBytes)).jobId();
                    long t0 = System.nanoTime();
                    JobStatus added = addData(jobs, grown, b);
                    add[r] = seconds(t0);
                    addedRecords = added.records();
                    t0 = System.nanoTime();
                    String whole = completed(jobs, new JobSpec(name, hyperParameters,
                            new DataInput(List.of(a.toString(), b.toString()), false, -1), Optional.empty(),
                            Optional.empty(), 2, 0, splitBytes)).jobId();
                    full[r] = seconds(t0);
                    sameModels &= await(jobs.model(grown)).model().equals(await(jobs.model(whole)).model());
                }
                double addSeconds = Stats.median(add);
                double fullSeconds = Stats.median(full);
                json.put(name + "_add_s", addSeconds);
                json.put(name + "_full_s", fullSeconds);
                json.put(name + "_add_over_full", addSeconds / fullSeconds);
                json.putArray(name + "_add_s_all", add);
                json.putArray(name + "_full_s_all", full);
                json.put(name + "_same_model", sameModels);
                json.put(name + "_records", addedRecords);
            }
        }
        DataDirectories.delete(nodeDir);
        System.out.println(json);
    }

    /** Adds {@code csv} to the completed job {@code jobId} and waits until the job is final again. */
    private static JobStatus addData(JobService jobs, String jobId, Path csv) throws Exception {
        return untilCompleted(jobs, await(jobs.addData(jobId, input(csv))));
    }

    private static DataInput input(Path csv) {
        return new DataInput(List.of(csv.toString()), false, -1);
    }

    private static JobSpec spec(int k, Path train, Path validation) {
        return new JobSpec("kmeans", Map.of("k", Integer.toString(k), "seed", "1"),
                new DataInput(List.of(train.toString()), false, -1),
                Optional.of(new DataInput(List.of(validation.toString()), false, -1)), Optional.empty(), 2, 0, 0);
    }

    private static JobStatus completed(JobService jobs, JobSpec spec) throws Exception {
        return untilCompleted(jobs, await(jobs.submit(spec)));
    }

    /** Polls the job of {@code status} until it is final; fails unless it completed. */
    private static JobStatus untilCompleted(JobService jobs, JobStatus status) throws Exception {
        while (!status.phase().isFinal()) {
            Thread.sleep(5);
            status = await(jobs.status(status.jobId()));
        }
        if (status.phase() != JobPhase.COMPLETED) {
            throw new IllegalStateException("job " + status.jobId() + " ended " + status.phase() + ": "
                    + status.error().orElse("?"));
        }
        return status;
    }

    private static long countEvents(JobService jobs, String jobId) throws Exception {
        long count = 0;
        Optional<Long> from = Optional.of(1L);
        while (from.isPresent()) {
            EventPage page = await(jobs.events(jobId, from.get(), 1000));
            count += page.events().size();
            from = page.nextFrom();
        }
        return count;
    }

    private interface Call {
        CompletionStage<?> run();
    }

    /** The median of three timed calls, in seconds. */
    private static double median3(Call call) throws Exception {
        double[] s = new double[3];
        for (int i = 0; i < s.length; i++) {
            long t0 = System.nanoTime();
            await(call.run());
            s[i] = seconds(t0);
        }
        return Stats.median(s);
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
