package io.statewise.bench;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobSpec;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.CsvSplitReader;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.InputFiles;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.SplitPlanner;
import io.statewise.algorithms.kmeans.KMeansModel;
import io.statewise.algorithms.training.Trainer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Statewise side of the k-means benchmark. Two modes, each printing one JSON line:
 * <ul>
 *   <li>{@code job --data <csv> --k K [--parallelism 2] [--jobs 1] [--split-size bytes] [--hp name=value]...
 *       --work-dir <dir> --centers-out <file>}: {@code --jobs} identical jobs through a standalone node
 *       ({@link JobRunner}); writes the first job's model centers. The split size defaults to the node's.</li>
 *   <li>{@code pass --data <csv> --k K [--threads 2] [--repeats 3] [--split-size 33554432]}: the data pass without
 *       the runtime against parsing alone and against the updates alone ({@link DataPass}).</li>
 * </ul>
 * The data is headerless CSV without a label column.
 */
public final class StatewiseKMeansBench {

    private static final CsvFormat FORMAT = CsvFormat.defaults().withLabelColumn(CsvFormat.NO_LABEL);

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
        hp.putAll(args.hyperParameters());
        return hp;
    }

    private static void job(Args args) throws Exception {
        String data = Path.of(args.required("data")).toAbsolutePath().toString();
        JobSpec spec = new JobSpec("kmeans", hyperParameters(args), new DataInput(List.of(data), false, -1),
                Optional.empty(), Optional.empty(), args.getInt("parallelism", 2), 0, args.getLong("split-size", 0));
        JobRunner.Result result = JobRunner.run(spec, args.getInt("jobs", 1), Path.of(args.required("work-dir")));
        CentersFile.write(Path.of(args.required("centers-out")), ((KMeansModel) result.firstModel().model()).centers());
        System.out.println(result.json());
    }

    private static void pass(Args args) throws Exception {
        List<Path> files = InputFiles.resolve(args.required("data"));
        DataSchema schema = CsvSplitReader.probe(files, FORMAT);
        List<Split> splits = SplitPlanner.plan(files, args.getLong("split-size", DataPass.DEFAULT_SPLIT_BYTES));
        Trainer trainer = Trainer.create("kmeans", hyperParameters(args));
        DataPass.Result result = DataPass.measure(trainer, FORMAT, schema, splits, args.getInt("threads", 2),
                args.getInt("repeats", 3), true);
        System.out.println(result.json());
    }
}
