package io.statewise.bench;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.EpochReport;
import io.statewise.actors.job.JobSpec;
import io.statewise.algorithms.data.Series;
import io.statewise.algorithms.data.SeriesBatch;
import io.statewise.algorithms.deepar.DeepArModel;
import io.statewise.algorithms.deepar.Forecast;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Statewise side of the forecasting benchmark: {@code job --train <csv> --validation <csv> --test <csv> --hp
 * name=value... [--parallelism 2] [--split-size bytes] --work-dir <dir>} runs one {@code deepar} job on long CSV
 * series ({@code series,timestamp,value}) through a standalone node ({@link JobRunner}): training series, validation
 * series for early stopping, and test series scored by DeepAR's evaluator (MASE, sMAPE, ND, RMSE, weighted quantile
 * loss and interval coverage, each also for the seasonal-naive baseline). Prints one JSON line: the runner's timings,
 * every test metric, and the last epoch's validation loss. With {@code --forecasts-out <csv>}, also writes the model's
 * forecasts after the end of every training series ({@link #writeForecasts}).
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
        String forecasts = args.get("forecasts-out", "");
        if (!forecasts.isEmpty()) {
            writeForecasts((DeepArModel) result.firstModel().model(), Path.of(args.required("train")),
                    Path.of(forecasts));
        }
        System.out.println(json);
        System.exit(0);
    }

    /**
     * Writes the model's forecast after the end of every series of {@code train} (a long CSV
     * {@code series,timestamp,value}, rows of a series together and in time order) as a CSV
     * {@code series,step,mean,<each quantile level>}: with the benchmark's files, the forecasts of the test horizons,
     * for a step-by-step comparison with the actual values and seasonal naive ({@code deepar_steps.py}).
     */
    static void writeForecasts(DeepArModel model, Path train, Path out) throws IOException {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(train)) {
            lines.map(l -> l.split(",", 3)).forEach(r -> rows.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r));
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : rows.entrySet()) {
            List<String[]> r = e.getValue();
            float[] target = new float[r.size()];
            for (int t = 0; t < target.length; t++) target[t] = Float.parseFloat(r.get(t)[2]);
            series.add(new Series(e.getKey(), LocalDateTime.parse(r.get(0)[1].replace(' ', 'T')), target));
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            boolean header = true;
            for (int from = 0; from < series.size(); from += 256) {
                List<Series> chunk = series.subList(from, Math.min(series.size(), from + 256));
                for (Forecast f : model.forecast(SeriesBatch.of(chunk.toArray(Series[]::new)))) {
                    if (header) {
                        w.println("series,step,mean," + String.join(",", f.quantiles().keySet()));
                        header = false;
                    }
                    for (int k = 0; k < f.mean().length; k++) {
                        StringBuilder line = new StringBuilder(f.id()).append(',').append(k).append(',')
                                .append(f.mean()[k]);
                        for (double[] q : f.quantiles().values()) line.append(',').append(q[k]);
                        w.println(line);
                    }
                }
            }
        }
    }

    private static DataInput series(String path) {
        return new DataInput(List.of(Path.of(path).toAbsolutePath().toString()), false, 0, DataInput.SERIES_CSV,
                false, Optional.empty());
    }
}
