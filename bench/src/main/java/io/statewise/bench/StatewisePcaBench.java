package io.statewise.bench;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobSpec;
import io.statewise.algorithms.State;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.CsvSplitReader;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.InputFiles;
import io.statewise.algorithms.data.LibSvmFormat;
import io.statewise.algorithms.data.SplitPlanner;
import io.statewise.algorithms.pca.PcaModel;
import io.statewise.algorithms.training.Trainer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Statewise side of the PCA benchmark. Two modes, each printing one JSON line:
 * <ul>
 *   <li>{@code job --data <file> --num-components K [--hp name=value]... [--format csv|libsvm --features D]
 *       [--parallelism 2] [--jobs 1] [--split-size bytes] --work-dir <dir> [--model-out <prefix>]}: {@code --jobs}
 *       identical jobs through a standalone node ({@link JobRunner}), split as by the runtime's default
 *       ({@code statewise.actors.job.split-size}) unless {@code --split-size} says otherwise. Also prints the first
 *       model's explained variances and the size of the job's state ({@link State#serializedSize()} of an empty state
 *       of the job's schema, and the bytes of its encoding: a state's size never depends on its records). Writes the
 *       first model to {@code <prefix>.components.csv} (k lines of d values), {@code <prefix>.variance.csv} (one line
 *       of k explained variances) and {@code <prefix>.mean.csv} (one line of d values).</li>
 *   <li>{@code pass --data <file> --num-components K [--hp name=value]... [--format csv|libsvm --features D]
 *       [--threads 2] [--repeats 3] [--compute-only true] [--split-size 33554432]}: the data pass without the
 *       runtime against parsing alone ({@link DataPass}), plus the merged state's {@link State#serializedSize()}, its
 *       encoding's bytes and the time to encode and decode it.</li>
 * </ul>
 * CSV data is headerless without a label column; LibSVM data is 1-based and needs {@code --features}.
 */
public final class StatewisePcaBench {

    private StatewisePcaBench() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: StatewisePcaBench job|pass --data <file> --num-components K ...");
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
        hp.put("num_components", args.required("num-components"));
        hp.putAll(args.hyperParameters());
        return hp;
    }

    private static boolean libsvm(Args args) {
        String format = args.get("format", DataInput.CSV);
        if (!format.equals(DataInput.CSV) && !format.equals(DataInput.LIBSVM)) {
            throw new IllegalArgumentException("--format must be csv or libsvm, got " + format);
        }
        return format.equals(DataInput.LIBSVM);
    }

    private static DataFormat format(Args args) {
        return libsvm(args) ? LibSvmFormat.defaults() : CsvFormat.defaults().withLabelColumn(CsvFormat.NO_LABEL);
    }

    private static DataSchema schema(Args args, DataFormat format, List<Path> files) {
        if (format instanceof CsvFormat csv) return CsvSplitReader.probe(files, csv);
        return format.schema(Integer.parseInt(args.required("features")));
    }

    private static void job(Args args) throws Exception {
        String data = Path.of(args.required("data")).toAbsolutePath().toString();
        DataInput input = libsvm(args)
                ? new DataInput(List.of(data), false, 0, DataInput.LIBSVM, false,
                        Optional.of(Integer.parseInt(args.required("features"))))
                : new DataInput(List.of(data), false, -1);
        Map<String, String> hp = hyperParameters(args);
        JobSpec spec = new JobSpec("pca", hp, input, Optional.empty(), Optional.empty(),
                args.getInt("parallelism", 2), 0, args.getLong("split-size", 0));
        JobRunner.Result result = JobRunner.run(spec, args.getInt("jobs", 1), Path.of(args.required("work-dir")));
        PcaModel model = (PcaModel) result.firstModel().model();

        DataFormat format = format(args);
        State empty = Trainer.create("pca", hp).emptyState(schema(args, format, InputFiles.resolve(data)));
        Json json = result.json()
                .put("mode", model.mode())
                .put("dimension", model.featureDimension())
                .put("num_components", model.numComponents())
                .putArray("explained_variance", model.explainedVariance())
                .put("explained_variance_ratio_total", model.explainedVarianceRatioTotal())
                .put("state_serialized_size", empty.serializedSize())
                .put("state_encoded_bytes", Trainer.create("pca", hp).encodeState(empty).length);
        String prefix = args.get("model-out", null);
        if (prefix != null) {
            CentersFile.write(Path.of(prefix + ".components.csv"), model.components());
            writeLine(Path.of(prefix + ".variance.csv"), model.explainedVariance());
            float[] mean = model.mean();
            double[] m = new double[mean.length];
            for (int j = 0; j < m.length; j++) m[j] = mean[j];
            writeLine(Path.of(prefix + ".mean.csv"), m);
        }
        System.out.println(json);
    }

    private static void pass(Args args) throws Exception {
        List<Path> files = InputFiles.resolve(args.required("data"));
        DataFormat format = format(args);
        DataSchema schema = schema(args, format, files);
        Trainer trainer = Trainer.create("pca", hyperParameters(args));
        DataPass.Result result = DataPass.measure(trainer, format, schema,
                SplitPlanner.plan(files, args.getLong("split-size", DataPass.DEFAULT_SPLIT_BYTES)),
                args.getInt("threads", 2), args.getInt("repeats", 3),
                Boolean.parseBoolean(args.get("compute-only", "true")));
        State merged = result.merged();
        long e0 = System.nanoTime();
        byte[] bytes = trainer.encodeState(merged);
        long e1 = System.nanoTime();
        State decoded = trainer.decodeState(bytes);
        long e2 = System.nanoTime();
        if (decoded.records() != merged.records()) throw new IllegalStateException("decoded state lost records");
        System.out.println(result.json()
                .put("dimension", schema.features())
                .put("state_serialized_size", merged.serializedSize())
                .put("state_encoded_bytes", bytes.length)
                .put("state_encode_s", (e1 - e0) / 1e9)
                .put("state_decode_s", (e2 - e1) / 1e9)
                .put("hyperparameters", String.valueOf(trainer.algorithm().hyperParameters().asMap())));
    }

    private static void writeLine(Path file, double[] values) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) w.write(',');
                w.write(Double.toString(values[i]));
            }
            w.write('\n');
        }
    }
}
