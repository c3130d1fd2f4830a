package io.statewise.bench;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.actors.service.JobService;
import io.statewise.actors.service.TrainedModel;
import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.State;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.CsvParseOnly;
import io.statewise.algorithms.data.CsvSplitReader;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.InputFiles;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.SplitPlanner;
import io.statewise.algorithms.kmeans.KMeansModel;
import io.statewise.algorithms.training.SplitOutcome;
import io.statewise.algorithms.training.Trainer;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Statewise side of the k-means benchmark. Two modes, each printing one JSON line:
 * <ul>
 *   <li>{@code job --data <csv> --k K [--parallelism 2] [--jobs 1] [--hp name=value]... --work-dir <dir>
 *       --centers-out <file>}: starts a standalone node ({@link StatewiseNode#start}), then submits {@code --jobs}
 *       identical jobs one after the other through {@link JobService#submit} and times each from submit until its
 *       phase is COMPLETED (the first job runs in a cold JVM), polling its status every 5 ms, which also times
 *       when its first and its last split were merged. Writes the first job's model centers.</li>
 *   <li>{@code pass --data <csv> --k K [--threads 2] [--repeats 3] [--split-size 33554432]}: the data pass without
 *       the runtime: {@link Trainer#trainSplit} of every split on a pool of {@code --threads} threads, then the merge
 *       of the partials, against {@link CsvParseOnly#parseAll} of the same splits on the same pool (parse only), and
 *       the updates alone over records already in memory (compute only). One warm-up, then {@code --repeats}
 *       interleaved measurements of each.</li>
 * </ul>
 * The data is headerless CSV without a label column.
 */
public final class StatewiseKMeansBench {

    private static final CsvFormat FORMAT = CsvFormat.defaults().withLabelColumn(CsvFormat.NO_LABEL);
    /** The runtime's default split size (statewise.actors.job.split-size). */
    private static final long DEFAULT_SPLIT_BYTES = 32L << 20;

    private StatewiseKMeansBench() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: StatewiseKMeansBench job|pass --data <csv> --k K ...");
            System.exit(2);
        }
        Args args = new Args(Arrays.copyOfRange(argv, 1, argv.length));
        switch (argv[0]) {
            case "job" -> job(args);
            case "pass" -> pass(args);
            default -> throw new IllegalArgumentException("unknown mode " + argv[0]);
        }
        System.exit(0);
    }

    private static Map<String, String> hyperParameters(Args args) {
        Map<String, String> hp = new LinkedHashMap<>();
        hp.put("k", args.required("k"));
        for (String kv : args.all("hp")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--hp expects name=value, got " + kv);
            hp.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return hp;
    }

    // ------------------------------------------------------------------------------------------------ job

    private static void job(Args args) throws Exception {
        String data = Path.of(args.required("data")).toAbsolutePath().toString();
        int parallelism = args.getInt("parallelism", 2);
        int jobs = args.getInt("jobs", 1);
        Path workDir = Path.of(args.required("work-dir")).toAbsolutePath();
        Path nodeDir = workDir.resolve("node-" + System.currentTimeMillis());
        JobSpec spec = new JobSpec("kmeans", hyperParameters(args), new DataInput(List.of(data), false, -1),
                Optional.empty(), Optional.empty(), parallelism, 0, 0);

        long t0 = System.nanoTime();
        StatewiseNode node = StatewiseNode.start(NodeSettings.standalone(nodeDir));
        double nodeStart = (System.nanoTime() - t0) / 1e9;
        double[] jobSeconds = new double[jobs];
        double submitAck = Double.NaN;
        double firstMerged = Double.NaN;
        double allMerged = Double.NaN;
        JobStatus first = null;
        try {
            JobService service = node.jobService();
            for (int r = 0; r < jobs; r++) {
                long s0 = System.nanoTime();
                JobStatus status = service.submit(spec).toCompletableFuture().get(60, TimeUnit.SECONDS);
                double ack = (System.nanoTime() - s0) / 1e9;
                String id = status.jobId();
                double merged1 = Double.NaN;
                double mergedAll = Double.NaN;
                while (!status.phase().isFinal()) {
                    Thread.sleep(5);
                    status = service.status(id).toCompletableFuture().get(60, TimeUnit.SECONDS);
                    double now = (System.nanoTime() - s0) / 1e9;
                    if (Double.isNaN(merged1) && status.splitsDone() > 0) merged1 = now;
                    if (Double.isNaN(mergedAll) && (status.phase() != JobPhase.TRAINING
                            || status.splitsDone() == status.splitsTotal())) {
                        mergedAll = now;
                    }
                }
                jobSeconds[r] = (System.nanoTime() - s0) / 1e9;
                if (r == 0) {
                    submitAck = ack;
                    firstMerged = merged1;
                    allMerged = mergedAll;
                }
                if (status.phase() != JobPhase.COMPLETED) {
                    throw new IllegalStateException("job " + id + " ended " + status.phase() + ": "
                            + status.error().orElse("?"));
                }
                if (r == 0) {
                    first = status;
                    TrainedModel trained = service.model(id).toCompletableFuture().get(60, TimeUnit.SECONDS);
                    CentersFile.write(Path.of(args.required("centers-out")),
                            ((KMeansModel) trained.model()).centers());
                }
            }
        } finally {
            node.close();
            deleteRecursively(nodeDir);
        }
        double[] warm = Arrays.copyOfRange(jobSeconds, 1, jobs);
        System.out.println(new Json()
                .put("node_start_s", nodeStart)
                .put("job_s", jobSeconds[0])
                .put("warm_job_median_s", warm.length == 0 ? Double.NaN : median(warm))
                .put("submit_ack_s", submitAck)
                .put("first_split_merged_s", firstMerged)
                .put("all_splits_merged_s", allMerged)
                .putArray("job_s_all", jobSeconds)
                .put("records", first.records())
                .put("splits", first.splitsTotal())
                .put("parallelism", parallelism)
                .put("records_per_s_reported", first.recordsPerSecond())
                .put("hyperparameters", String.valueOf(spec.hyperParameters())));
    }

    // ------------------------------------------------------------------------------------------------ pass

    private static void pass(Args args) throws Exception {
        int threads = args.getInt("threads", 2);
        int repeats = args.getInt("repeats", 3);
        long splitBytes = args.getLong("split-size", DEFAULT_SPLIT_BYTES);
        List<Path> files = InputFiles.resolve(args.required("data"));
        DataSchema schema = CsvSplitReader.probe(files, FORMAT);
        List<Split> splits = SplitPlanner.plan(files, splitBytes);
        Trainer trainer = Trainer.create("kmeans", hyperParameters(args));
        int batchSize = trainer.schedule().miniBatchSize();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<List<DenseBatch>> inMemory = loadBatches(pool, splits, schema, batchSize);
            double[] parse = new double[repeats];
            double[] dataPass = new double[repeats];
            double[] updates = new double[repeats];
            double[] compute = new double[repeats];
            double[] merges = new double[repeats];
            PassResult last = null;
            for (int r = -1; r < repeats; r++) { // r = -1: warm-up
                long t0 = System.nanoTime();
                long parsed = parseOnly(pool, splits, schema, batchSize);
                long t1 = System.nanoTime();
                PassResult p = dataPass(pool, trainer, splits, schema);
                long t2 = System.nanoTime();
                double c = computeOnly(pool, trainer, inMemory, schema);
                if (parsed != p.records) throw new IllegalStateException(parsed + " parsed != " + p.records);
                if (r >= 0) {
                    parse[r] = (t1 - t0) / 1e9;
                    dataPass[r] = (t2 - t1) / 1e9;
                    updates[r] = p.updateSeconds;
                    merges[r] = p.mergeSeconds;
                    compute[r] = c;
                }
                last = p;
            }
            long f0 = System.nanoTime();
            trainer.finalizeModel(last.merged);
            double finalizeSeconds = (System.nanoTime() - f0) / 1e9;
            System.out.println(new Json()
                    .put("records", last.records)
                    .put("splits", splits.size())
                    .put("threads", threads)
                    .put("parse_only_median_s", median(parse))
                    .put("parse_only_best_s", min(parse))
                    .put("data_pass_median_s", median(dataPass))
                    .put("data_pass_best_s", min(dataPass))
                    .put("split_updates_median_s", median(updates))
                    .put("merge_median_s", median(merges))
                    .put("compute_only_median_s", median(compute))
                    .put("finalize_s", finalizeSeconds)
                    .put("ratio_median", median(dataPass) / median(parse))
                    .put("ratio_best", min(dataPass) / min(parse))
                    .putArray("parse_only_s", parse)
                    .putArray("data_pass_s", dataPass)
                    .putArray("compute_only_s", compute));
        } finally {
            pool.shutdownNow();
        }
    }

    private record PassResult(State merged, long records, double updateSeconds, double mergeSeconds) {}

    private static long parseOnly(ExecutorService pool, List<Split> splits, DataSchema schema, int batchSize)
            throws Exception {
        List<Callable<Long>> tasks = new ArrayList<>();
        for (Split s : splits) tasks.add(() -> CsvParseOnly.parseAll(s, FORMAT, schema.features(), batchSize));
        long records = 0;
        for (Future<Long> f : pool.invokeAll(tasks)) records += f.get();
        return records;
    }

    private static PassResult dataPass(ExecutorService pool, Trainer trainer, List<Split> splits, DataSchema schema)
            throws Exception {
        long t0 = System.nanoTime();
        State base = trainer.emptyState(schema);
        List<Callable<SplitOutcome>> tasks = new ArrayList<>();
        for (Split s : splits) {
            tasks.add(() -> trainer.trainSplit(base, s, FORMAT, schema, seed(s.id()), 0, new AtomicLong(),
                    () -> false));
        }
        List<SplitOutcome> outcomes = new ArrayList<>();
        for (Future<SplitOutcome> f : pool.invokeAll(tasks)) outcomes.add(f.get());
        long t1 = System.nanoTime();
        State merged = outcomes.get(0).partial();
        long records = outcomes.get(0).records();
        for (int i = 1; i < outcomes.size(); i++) {
            merged = trainer.merge(merged, outcomes.get(i).partial());
            records += outcomes.get(i).records();
        }
        long t2 = System.nanoTime();
        return new PassResult(merged, records, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    /** Seconds of the updates alone (startPartial + update of every batch of every split) over in-memory batches. */
    @SuppressWarnings("unchecked")
    private static double computeOnly(ExecutorService pool, Trainer trainer, List<List<DenseBatch>> batches,
                                      DataSchema schema) throws Exception {
        ElasticAlgorithm<State, Model> algorithm = (ElasticAlgorithm<State, Model>) trainer.algorithm();
        State base = algorithm.init(schema);
        List<Callable<State>> tasks = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            List<DenseBatch> split = batches.get(i);
            long seed = seed(i);
            tasks.add(() -> {
                State partial = algorithm.startPartial(base, seed);
                for (DenseBatch b : split) algorithm.update(partial, b);
                return partial;
            });
        }
        long t0 = System.nanoTime();
        for (Future<State> f : pool.invokeAll(tasks)) f.get();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static List<List<DenseBatch>> loadBatches(ExecutorService pool, List<Split> splits, DataSchema schema,
                                                 int batchSize) throws Exception {
        List<Callable<List<DenseBatch>>> tasks = new ArrayList<>();
        for (Split s : splits) {
            tasks.add(() -> {
                List<DenseBatch> out = new ArrayList<>();
                try (CsvSplitReader reader = new CsvSplitReader(s, FORMAT, schema.features(), 0)) {
                    while (true) {
                        DenseBatch b = new DenseBatch(batchSize, schema.features());
                        if (!reader.next(b)) break;
                        out.add(b);
                    }
                }
                return out;
            });
        }
        List<List<DenseBatch>> all = new ArrayList<>();
        for (Future<List<DenseBatch>> f : pool.invokeAll(tasks)) all.add(f.get());
        return all;
    }

    private static long seed(int splitId) {
        long z = 0x9E3779B97F4A7C15L * (splitId + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
