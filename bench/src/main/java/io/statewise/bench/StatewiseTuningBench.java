package io.statewise.bench;

import com.typesafe.config.ConfigFactory;
import io.statewise.actors.job.DataInput;
import io.statewise.actors.node.DataDirectories;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.actors.tuningjob.TuningRequest;
import io.statewise.actors.tuningjob.TuningService;
import io.statewise.actors.tuningjob.TuningSpec;
import io.statewise.actors.tuningjob.TuningStatus;
import io.statewise.algorithms.data.synthetic.LinearRows;
import io.statewise.algorithms.search.ParamRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The tuning-jobs benchmark (issue 8): successive halving over {@code N} linear-learner configurations (eta 3, epochs
 * 1 to {@code E}) against the same {@code N} configurations each trained for {@code E} epochs (a random search of the
 * same seed draws the same configurations), on one regression data set written by {@link LinearRows}. Both run as
 * tuning jobs on one node, {@code max_parallel_jobs} children at once, one worker slot each. Prints one JSON line:
 * the best validation MSE of each, their relative gap, and their costs (records trained by all children, and wall
 * time).
 *
 * <p>{@code --rows N --validation-rows V --dim D --configurations C --max-epochs E --parallel P [--seed S]
 * --work-dir DIR}: {@code S} (default 42) draws the configurations.
 */
public final class StatewiseTuningBench {

    private static final long TIMEOUT_S = 3600;

    private StatewiseTuningBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path work = Files.createDirectories(Path.of(args.required("work-dir")).toAbsolutePath());
        int dim = args.getInt("dim", 20);
        long rows = args.getLong("rows", 200_000);
        LinearRows generator = new LinearRows(LinearRows.Kind.REGRESSION, dim, 0, 3.0, 11L);
        Path train = work.resolve("tuning-train.csv");
        Path validation = work.resolve("tuning-validation.csv");
        generator.writeCsv(train, rows);
        generator.writeCsv(validation, args.getLong("validation-rows", rows / 4));
        Path nodeDir = work.resolve("tuning-node");
        DataDirectories.delete(nodeDir);
        int configurations = args.getInt("configurations", 27);
        int maxEpochs = args.getInt("max-epochs", 9);
        int parallel = args.getInt("parallel", 2);
        long seed = args.getLong("seed", 42);
        Json json = new Json().put("rows", rows).put("dim", (long) dim).put("configurations", (long) configurations)
                .put("max_epochs", (long) maxEpochs).put("max_parallel_jobs", (long) parallel).put("seed", seed);
        // Children are polled every 200 ms rather than every second: a rung's next child starts sooner.
        try (StatewiseNode node = StatewiseNode.start(NodeSettings.standalone(nodeDir),
                ConfigFactory.parseString("statewise.actors.tuning.poll-interval = 200ms"))) {
            TuningService tuning = node.tuningService();
            long t0 = System.nanoTime();
            TuningStatus halving = run(tuning, request(TuningSpec.Strategy.SUCCESSIVE_HALVING, configurations,
                    maxEpochs, parallel, seed, train, validation));
            double halvingSeconds = seconds(t0);
            t0 = System.nanoTime();
            TuningStatus full = run(tuning, request(TuningSpec.Strategy.RANDOM, configurations, maxEpochs, parallel,
                    seed, train, validation));
            double fullSeconds = seconds(t0);
            double halvingBest = halving.best().orElseThrow().metric().orElseThrow();
            double fullBest = full.best().orElseThrow().metric().orElseThrow();
            json.put("halving_best_mse", halvingBest).put("full_best_mse", fullBest)
                    .put("gap", (halvingBest - fullBest) / fullBest)
                    .put("halving_best_configuration", (long) halving.best().get().configuration())
                    .put("full_best_configuration", (long) full.best().get().configuration())
                    .put("halving_children", (long) halving.children().size())
                    .put("halving_records", halving.totalCost()).put("full_records", full.totalCost())
                    .put("records_ratio", (double) halving.totalCost() / full.totalCost())
                    .put("halving_s", halvingSeconds).put("full_s", fullSeconds)
                    .put("seconds_ratio", halvingSeconds / fullSeconds)
                    .put("full_epochs_run", full.children().stream().mapToLong(c -> epochsRun(c, rows)).sum());
        }
        DataDirectories.delete(nodeDir);
        System.out.println(json);
        System.exit(0);
    }

    /** Epochs a child's records amount to (early stopping can end a child before its last epoch). */
    private static long epochsRun(TuningStatus.ChildView child, long rows) {
        return Math.round((double) child.cost() / rows);
    }

    private static TuningRequest request(TuningSpec.Strategy strategy, int configurations, int maxEpochs,
                                         int parallel, long seed, Path train, Path validation) {
        Map<String, ParamRange> space = Map.of(
                "learning_rate", new ParamRange.Interval(1e-5, 1.0, ParamRange.Scale.LOG,
                        ParamRange.NumberType.FLOAT),
                "wd", new ParamRange.Interval(1e-6, 1.0, ParamRange.Scale.LOG, ParamRange.NumberType.FLOAT));
        return new TuningRequest("linear-learner", Map.of("predictor_type", "regressor", "num_models", "1",
                "mini_batch_size", "200"), space, strategy, configurations, 3, 1, maxEpochs, Optional.empty(),
                Optional.empty(), parallel, seed, csv(train), Optional.of(csv(validation)), Optional.empty(), 1, 0, 0);
    }

    private static DataInput csv(Path file) {
        return DataInput.csv(file.toString());
    }

    private static TuningStatus run(TuningService tuning, TuningRequest request) throws Exception {
        String id = tuning.start(request).toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS).tuningId();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (System.nanoTime() < deadline) {
            TuningStatus s = tuning.status(id).toCompletableFuture().get(60, TimeUnit.SECONDS);
            if (s.phase() == TuningStatus.Phase.COMPLETED) return s;
            if (s.phase() == TuningStatus.Phase.FAILED) throw new IllegalStateException("tuning failed: " + s);
            Thread.sleep(200);
        }
        throw new IllegalStateException("tuning job " + id + " not done in " + TIMEOUT_S + " s");
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
