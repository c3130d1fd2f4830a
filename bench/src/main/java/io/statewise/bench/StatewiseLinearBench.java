package io.statewise.bench;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.EpochReport;
import io.statewise.actors.job.JobSpec;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.CsvSplitReader;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.InputFiles;
import io.statewise.algorithms.data.SplitPlanner;
import io.statewise.algorithms.linear.LinearModel;
import io.statewise.algorithms.training.Trainer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Statewise side of the linear-learner benchmark: {@code job --train <csv> --test <csv> --hp name=value...
 * [--parallelism 2] [--jobs 1] [--split-size bytes] --work-dir <dir>} runs {@code --jobs} identical linear-learner
 * jobs through a standalone node ({@link JobRunner}; CSV with the label in column 0, no header), then evaluates the
 * first job's model on the test file, outside the timed span (the peers' test evaluations are not timed either), and
 * prints one JSON line: the timings, the test metrics ({@code test_*}), the selected packed model and its setting,
 * and the job's per-epoch reports.
 */
public final class StatewiseLinearBench {

    private StatewiseLinearBench() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || !argv[0].equals("job")) {
            System.err.println("usage: StatewiseLinearBench job --train <csv> --test <csv> --hp name=value ...");
            System.exit(2);
        }
        Args args = new Args(Arrays.copyOfRange(argv, 1, argv.length));
        String train = Path.of(args.required("train")).toAbsolutePath().toString();
        Map<String, String> hp = new TreeMap<>(args.hyperParameters());
        JobSpec spec = new JobSpec("linear-learner", hp, new DataInput(List.of(train), false, 0), Optional.empty(),
                Optional.empty(), args.getInt("parallelism", 2), 0, args.getLong("split-size", 0));
        JobRunner.Result result = JobRunner.run(spec, args.getInt("jobs", 1), Path.of(args.required("work-dir")));
        LinearModel model = (LinearModel) result.firstModel().model();

        CsvFormat format = CsvFormat.defaults().withLabelColumn(0);
        List<Path> testFiles = InputFiles.resolve(args.required("test"));
        DataSchema schema = CsvSplitReader.probe(testFiles, format);
        long t0 = System.nanoTime();
        Metrics test = Trainer.create("linear-learner", hp).evaluate(model,
                SplitPlanner.plan(testFiles, 32L << 20), format, schema, 0);
        double evaluateSeconds = (System.nanoTime() - t0) / 1e9;

        Json json = result.json()
                .put("dimension", model.featureDimension())
                .put("packed_models", model.modelLosses().length)
                .put("selected_model", model.selectedModel())
                .put("selected_setting", String.valueOf(model.selectedSetting()))
                .put("diverged_models", model.divergedModels().length)
                .put("epochs_run", result.firstStatus().epoch())
                .put("test_evaluate_s", evaluateSeconds);
        test.values().forEach((name, value) -> json.put("test_" + name, value));
        StringBuilder epochs = new StringBuilder();
        for (EpochReport r : result.firstStatus().epochReports()) {
            if (epochs.length() > 0) epochs.append("; ");
            epochs.append(r.epoch()).append(' ').append(r.metrics());
        }
        json.put("epoch_reports", epochs.toString());
        System.out.println(json);
        System.exit(0);
    }
}
