package io.statewise.bench;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobSpec;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.CsvSplitReader;
import io.statewise.algorithms.data.InputFiles;
import io.statewise.algorithms.linear.LinearModel;
import io.statewise.algorithms.linear.PredictorType;
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
 * first job's model on the test file ({@link TestSet}), and prints one JSON line: the timings and the job's per-epoch
 * reports ({@link JobRunner}), the test metrics ({@code test_*}), the selected packed model and its setting, and the
 * test accuracy (RMSE for regression) of every job with their median.
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
        String testFile = args.required("test");
        Json json = result.json()
                .put("dimension", model.featureDimension())
                .put("packed_models", model.modelLosses().length)
                .put("selected_model", model.selectedModel())
                .put("selected_setting", String.valueOf(model.selectedSetting()))
                .put("diverged_models", model.divergedModels().length);
        var schema = CsvSplitReader.probe(InputFiles.resolve(testFile), format);
        TestSet.evaluate(json, "linear-learner", hp, model, testFile, format, schema);
        // Jobs that sync every N batches depend on worker timing: every job's test metric, and their median.
        String metric = model.predictorType() == PredictorType.REGRESSOR ? "rmse" : "accuracy";
        double[] all = result.models().stream()
                .mapToDouble(m -> TestSet.metrics("linear-learner", hp, m.model(), testFile, format, schema)
                        .values().get(metric))
                .toArray();
        json.putArray("test_" + metric + "_all_jobs", all).put("test_" + metric + "_median", Stats.median(all));
        System.out.println(json);
        System.exit(0);
    }
}
