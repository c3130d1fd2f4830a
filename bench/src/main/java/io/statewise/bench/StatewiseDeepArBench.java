package io.statewise.bench;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.EpochReport;
import io.statewise.actors.job.JobSpec;
import io.statewise.algorithms.data.Series;
import io.statewise.algorithms.data.SeriesBatch;
import io.statewise.algorithms.deepar.DeepArModel;
import io.statewise.algorithms.deepar.DeepArModelCodec;
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
        if (argv.length > 0 && argv[0].equals("forecast")) {
            forecast(new Args(Arrays.copyOfRange(argv, 1, argv.length)));
            System.exit(0);
        }
        if (argv.length == 0 || !argv[0].equals("job")) {
            System.err.println("usage: StatewiseDeepArBench job --train <csv> --validation <csv> --test <csv>"
                    + " --hp name=value --work-dir <dir> [--forecasts-out <csv>] [--model-out <file>]\n"
                    + "       StatewiseDeepArBench forecast --model <file> [--model <file>...] --train <csv>"
                    + " --forecasts-out <csv> [--samples n] [--sample-seed n]");
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
        DeepArModel model = (DeepArModel) result.firstModel().model();
        String forecasts = args.get("forecasts-out", "");
        if (!forecasts.isEmpty()) writeForecasts(List.of(model), Path.of(args.required("train")), Path.of(forecasts));
        String modelOut = args.get("model-out", "");
        if (!modelOut.isEmpty()) Files.write(Path.of(modelOut), new DeepArModelCodec().encode(model));
        System.out.println(json);
        System.exit(0);
    }

    /**
     * The {@code forecast} command: the forecasts of models saved by {@code job --model-out}, as
     * {@link #writeForecasts} writes them, with {@code --samples} sample paths per forecast (default: the model's) and
     * sampling seed {@code --sample-seed} (default: the model's). With several {@code --model}s, each quantile and the
     * mean are averaged over the models (a quantile-averaging ensemble).
     */
    static void forecast(Args args) throws IOException {
        List<DeepArModel> models = new ArrayList<>();
        for (String file : args.all("model")) {
            DeepArModel m = new DeepArModelCodec().decode(Files.readAllBytes(Path.of(file)));
            models.add(m.withSampling(args.getInt("samples", m.numEvalSamples()),
                    args.getLong("sample-seed", m.seed())));
        }
        if (models.isEmpty()) throw new IllegalArgumentException("missing --model");
        writeForecasts(models, Path.of(args.required("train")), Path.of(args.required("forecasts-out")));
    }

    /**
     * Writes the models' forecast (averaged over them) after the end of every series of {@code train} (a long CSV
     * {@code series,timestamp,value}, rows of a series together and in time order) as a CSV
     * {@code series,step,mean,<each quantile level>}: with the benchmark's files, the forecasts of the test horizons,
     * for a step-by-step comparison with the actual values and seasonal naive ({@code deepar_steps.py}).
     */
    static void writeForecasts(List<DeepArModel> models, Path train, Path out) throws IOException {
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
                SeriesBatch batch = SeriesBatch.of(chunk.toArray(Series[]::new));
                List<Forecast> averaged = models.get(0).forecast(batch);
                for (int m = 1; m < models.size(); m++) {
                    List<Forecast> other = models.get(m).forecast(batch);
                    for (int i = 0; i < averaged.size(); i++) {
                        add(averaged.get(i).mean(), other.get(i).mean());
                        for (Map.Entry<String, double[]> q : averaged.get(i).quantiles().entrySet()) {
                            add(q.getValue(), other.get(i).quantiles().get(q.getKey()));
                        }
                    }
                }
                for (Forecast f : averaged) {
                    scale(f.mean(), 1.0 / models.size());
                    for (double[] q : f.quantiles().values()) scale(q, 1.0 / models.size());
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

    private static void add(double[] to, double[] values) {
        for (int k = 0; k < to.length; k++) to[k] += values[k];
    }

    private static void scale(double[] values, double factor) {
        for (int k = 0; k < values.length; k++) values[k] *= factor;
    }

    private static DataInput series(String path) {
        return new DataInput(List.of(Path.of(path).toAbsolutePath().toString()), false, 0, DataInput.SERIES_CSV,
                false, Optional.empty());
    }
}
