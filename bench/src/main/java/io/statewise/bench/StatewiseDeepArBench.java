package io.statewise.bench;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.EpochReport;
import io.statewise.actors.job.JobSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Statewise side of the forecasting benchmark: {@code job --train <csv> --validation <csv> --test <csv> --hp
 * name=value... [--parallelism 2] [--split-size bytes] --work-dir <dir>} runs one {@code deepar} job on long CSV
 * series ({@code series,timestamp,value}) through a standalone node ({@link JobRunner}): training series, validation
 * series for early stopping, and test series scored by DeepAR's evaluator (MASE, sMAPE, ND, RMSE, weighted quantile
 * loss and interval coverage, each also for the seasonal-naive baseline). Prints one JSON line: the runner's timings,
 * every test metric, and the last epoch's validation loss.
 */
public final class StatewiseDeepArBench {

    private StatewiseDeepArBench() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || !argv[0].equals("job")) {
            System.err.println("usage: StatewiseDeepArBench job --train <csv> --validation <csv> --test <csv>"
                    + " --hp name=value --work-dir <dir>");
            System.exit(2);
        }
        Args args = new Args(Arrays.copyOfRange(argv, 1, argv.length));
        Map<String, String> hp = new TreeMap<>(args.hyperParameters());
        int parallelism = args.getInt("parallelism", 2);
        JobSpec spec = new JobSpec("deepar", hp, series(args.required("train")),
                Optional.of(series(args.required("validation"))), Optional.of(series(args.required("test"))),
                parallelism, 0, args.getLong("split-size", 0));
        JobRunner.Result result = JobRunner.run(spec, 1, Path.of(args.required("work-dir")));
        Json json = result.json()
                .put("series_per_s_per_worker", result.firstStatus().records() / result.firstJobSeconds()
                        / parallelism);
        for (Map.Entry<String, Double> m : new TreeMap<>(result.firstStatus().metrics()).entrySet()) {
            json.put(m.getKey(), m.getValue());
        }
        List<EpochReport> epochs = result.firstStatus().epochReports();
        Double validation = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1).metrics().get("validation_loss");
        json.put("last_validation_loss", validation == null ? Double.NaN : validation);
        System.out.println(json);
        System.exit(0);
    }

    private static DataInput series(String path) {
        return new DataInput(List.of(Path.of(path).toAbsolutePath().toString()), false, 0, DataInput.SERIES_CSV,
                false, Optional.empty());
    }
}
