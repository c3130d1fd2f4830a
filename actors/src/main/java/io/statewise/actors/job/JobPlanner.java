package io.statewise.actors.job;

import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.UnknownAlgorithmException;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.CsvSplitReader;
import io.statewise.algorithms.data.DataException;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.InputFiles;
import io.statewise.algorithms.data.InputKind;
import io.statewise.algorithms.data.LibSvmFormat;
import io.statewise.algorithms.data.LibSvmSplitReader;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.SplitBalance;
import io.statewise.algorithms.data.SeriesFormat;
import io.statewise.algorithms.data.TextCsvFormat;
import io.statewise.algorithms.data.TextFilesFormat;
import io.statewise.algorithms.data.TextFormat;
import io.statewise.algorithms.training.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a {@link JobSpec} and plans its data: the algorithm and hyperparameters exist and are valid, every path
 * resolves to non-empty files, every file has the same number of features, and the files are cut into splits.
 * Does file I/O: call it off actor threads.
 *
 * <p>CSV inputs get their dimension from their first record (checked against {@code features} if declared). LibSVM
 * inputs must declare {@code features}, since a sparse record does not show the dimension; the first record of each
 * file is parsed against it. Text inputs have the {@link DataSchema#TEXT text schema}, nothing to probe; their
 * tokenizer options are checked, and a CSV text column is looked up in every file's header. All inputs of a job are
 * one kind of batch: dense (CSV), sparse (LibSVM) or text, so a mixed job is rejected; and the algorithm must read
 * that kind ({@link io.statewise.algorithms.ElasticAlgorithm#inputKinds()}), so a text job for a numeric algorithm
 * (or the reverse) is rejected here rather than failing on its first batch. Splits come from the format's own
 * {@link DataFormat#plan}, which aligns them to its records (lines, whole files, quoted CSV records).
 */
public final class JobPlanner {

    private final long defaultSplitBytes;
    private final int cores;

    /**
     * @param defaultSplitBytes split size when the spec does not set one
     * @param cores             worker slots when the spec asks for "one per core"
     */
    public JobPlanner(long defaultSplitBytes, int cores) {
        this.defaultSplitBytes = defaultSplitBytes;
        this.cores = cores;
    }

    /**
     * The plan of {@code spec}.
     *
     * @throws JobRejectedException naming the offending field and, for data, the file
     */
    public JobPlan plan(JobSpec spec) {
        Trainer trainer = trainerFor(spec);
        long splitBytes = spec.splitSizeBytes() > 0 ? spec.splitSizeBytes() : defaultSplitBytes;
        if (!spec.online() && spec.train().paths().isEmpty()) {
            throw new JobRejectedException("train.paths", "'train.paths' needs at least one path (or submit the job "
                    + "with \"mode\": \"online\" and post its records)");
        }
        Resolved train = spec.online() ? OnlineRecords.resolve(spec) : resolve("train", spec.train());
        Optional<Resolved> validation = spec.validation().map(d -> resolve("validation", d));
        Optional<Resolved> test = spec.test().map(d -> resolve("test", d));

        checkReads(trainer, spec.algorithm(), train);
        DataSchema schema = train.schema;
        for (Resolved other : validation.map(List::of).orElse(List.of())) checkCompatible(train, other);
        for (Resolved other : test.map(List::of).orElse(List.of())) checkCompatible(train, other);

        int parallelism = spec.parallelism() > 0 ? spec.parallelism() : cores;
        long seed = seedOf(spec);
        checkFitsSchema(trainer, schema);
        // Training splits are balanced as the algorithm's time needs (its workers should finish an epoch together);
        // validation and test data are read by one scorer, so bytes do.
        SplitBalance balance = trainer.algorithm().splitBalance();
        JobPlan plan = new JobPlan(schema, spec.online() ? new PlannedInput(train.format, List.of())
                : train.plan(splitBytes, balance), validation.map(r -> r.plan(splitBytes, SplitBalance.BYTES)),
                test.map(r -> r.plan(splitBytes, SplitBalance.BYTES)), parallelism, seed);
        if (spec.online()) OnlineRecords.checkMergeable(trainer, plan);
        return plan;
    }

    /**
     * The splits of training data added to the job of {@code spec} and {@code plan}: in the job's training format, of
     * its schema (feature dimension), with ids after the job's splits, files the job has not read yet. Errors name the
     * field of the request ({@code data.format}, {@code data.features}, {@code data.paths}).
     *
     * @throws JobRejectedException if the added data does not fit the job
     */
    public PlannedInput planAdded(JobSpec spec, JobPlan plan, DataInput added) {
        InputFormat format = plan.train().format();
        InputFormat given = checkedFormat("data", added);
        if (!given.equals(format)) {
            throw new JobRejectedException("data.format", "added data must be read as the job's training data was ("
                    + format.kind() + ", header " + format.header() + ", label column " + format.labelColumn()
                    + "); got " + given.kind() + ", header " + given.header() + ", label column "
                    + given.labelColumn());
        }
        Resolved data = resolve("data", added);
        if (!data.schema.equals(plan.schema())) {
            throw new JobRejectedException(format.sparse() ? "data.features" : "data.paths", "added data "
                    + data.inputs.get(0) + " has " + data.schema.features() + " features but the job's training data "
                    + "has " + plan.schema().features());
        }
        Set<String> read = new HashSet<>();
        for (Split split : plan.train().splits()) read.add(split.path());
        for (Path input : data.inputs) {
            if (read.contains(input.toString())) {
                throw new JobRejectedException("data.paths", input + " is already part of the job's training data");
            }
        }
        long splitBytes = spec.splitSizeBytes() > 0 ? spec.splitSizeBytes() : defaultSplitBytes;
        int first = plan.splitsPerEpoch();
        List<Split> splits = new ArrayList<>();
        for (Split s : data.plan(splitBytes, trainerFor(spec).algorithm().splitBalance()).splits()) {
            splits.add(new Split(first + s.id(), s.path(), s.start(), s.end(), s.compressed()));
        }
        return new PlannedInput(format, splits);
    }

    /**
     * The trainer of a spec's algorithm and hyperparameters.
     *
     * @throws JobRejectedException for an unknown algorithm or an invalid hyperparameter
     */
    public static Trainer trainerFor(JobSpec spec) {
        try {
            return Trainer.create(spec.algorithm(), spec.hyperParameters());
        } catch (UnknownAlgorithmException e) {
            throw new JobRejectedException("algorithm", e.getMessage(), e);
        } catch (InvalidHyperParameterException e) {
            throw new JobRejectedException("hyperparameters." + e.parameter(), e.getMessage(), e);
        }
    }

    /**
     * Builds the empty state once, so that hyperparameters that depend on the data (PCA's {@code num_components}
     * against the feature dimension, a state too large for memory) are rejected now, with the field named, rather
     * than failing the job after it was accepted.
     */
    private static void checkFitsSchema(Trainer trainer, DataSchema schema) {
        try {
            trainer.emptyState(schema);
        } catch (InvalidHyperParameterException e) {
            throw new JobRejectedException("hyperparameters." + e.parameter(), e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // The data does not suit the algorithm (e.g. unlabeled records for a supervised learner).
            throw new JobRejectedException("train", e.getMessage(), e);
        }
    }

    private static long seedOf(JobSpec spec) {
        String seed = spec.hyperParameters().get("seed");
        try {
            return seed == null ? 0L : Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new JobRejectedException("hyperparameters.seed", "seed must be an integer, got '" + seed + "'");
        }
    }

    /** The algorithm reads the kind of data of the training input (validation and test data match it). */
    private static void checkReads(Trainer trainer, String algorithm, Resolved train) {
        InputKind kind = train.schema.kind();
        Set<InputKind> reads = trainer.algorithm().inputKinds();
        if (reads.contains(kind)) return;
        String readable = reads.contains(InputKind.SERIES) ? "time series (jsonlines, series_csv)"
                : reads.contains(InputKind.TEXT) ? "text input (text, text_files, text_csv)"
                : "numeric input (csv, libsvm)";
        throw new JobRejectedException(train.field + ".format", "algorithm '" + algorithm + "' reads " + readable
                + ", not " + kind + " input (format " + train.format.kind() + ")");
    }

    /** Validation or test data fits the training data: same kind (text, dense or sparse) and same dimension. */
    private static void checkCompatible(Resolved train, Resolved other) {
        if (other.schema.kind() != train.schema.kind()) {
            if (train.schema.series() || other.schema.series()) {
                throw new JobRejectedException(other.field + ".format", "mixed series/other inputs in one job: train"
                        + " is " + train.format.kind() + " but " + other.field + " is " + other.format.kind()
                        + "; use series formats (jsonlines, series_csv) for all inputs or none");
            }
            throw new JobRejectedException(other.field + ".format", "mixed numeric/text inputs in one job: train is "
                    + train.format.kind() + " but " + other.field + " is " + other.format.kind()
                    + "; use text formats for all inputs or none");
        }
        if (train.schema.text() || train.schema.series()) return;
        if (other.format.sparse() != train.format.sparse()) {
            throw new JobRejectedException(other.field + ".format", "mixed dense/sparse inputs in one job: train is "
                    + train.format.kind() + " but " + other.field + " is " + other.format.kind()
                    + "; use one format for all inputs");
        }
        if (other.schema.features() == train.schema.features()) return;
        if (train.format.sparse()) {
            throw new JobRejectedException(other.field + ".features", other.field + " data declares "
                    + other.schema.features() + " features but train data declares " + train.schema.features());
        }
        throw new JobRejectedException(other.field + ".paths", other.field + " data " + other.inputs.get(0)
                + " has " + other.schema.features() + " features but " + train.describe() + " has "
                + train.schema.features());
    }

    private Resolved resolve(String field, DataInput input) {
        InputFormat format = checkedFormat(field, input);
        DataFormat dataFormat = format.toDataFormat();
        if (dataFormat instanceof TextFormat text) return resolveText(field, input, format, text);
        if (dataFormat instanceof SeriesFormat) return resolveSeries(field, input, format, dataFormat);
        if (format.sparse() && input.features().isEmpty()) {
            throw new JobRejectedException(field + ".features",
                    "libsvm input needs 'features' (the feature dimension)");
        }
        List<Path> files;
        DataSchema schema;
        try {
            files = files(input);
            schema = dataFormat instanceof LibSvmFormat libsvm
                    ? LibSvmSplitReader.probe(files, libsvm, input.features().orElseThrow())
                    : CsvSplitReader.probe(files, (CsvFormat) dataFormat);
        } catch (DataException e) {
            throw new JobRejectedException(field + ".paths", e.getMessage(), e);
        }
        if (input.features().isPresent() && input.features().get() != schema.features()) {
            throw new JobRejectedException(field + ".features", field + " data " + files.get(0) + " has "
                    + schema.features() + " features but 'features' is " + input.features().get());
        }
        return new Resolved(field, format, dataFormat, files, schema);
    }

    /**
     * A text input: nothing to probe. A directory of documents is planned as given (its listing is the split
     * order), other text as the files its paths resolve to.
     */
    private static Resolved resolveText(String field, DataInput input, InputFormat format, TextFormat text) {
        try {
            List<Path> inputs = new ArrayList<>();
            if (text instanceof TextFilesFormat) {
                for (String p : input.paths()) inputs.add(Path.of(p).toAbsolutePath().normalize());
            } else {
                inputs.addAll(files(input));
            }
            return new Resolved(field, format, text, List.copyOf(inputs), DataSchema.TEXT);
        } catch (DataException e) {
            throw new JobRejectedException(field + ".paths", e.getMessage(), e);
        }
    }

    /** Time series: nothing to probe (a series has no fixed dimension); whole series per split. */
    private static Resolved resolveSeries(String field, DataInput input, InputFormat format, DataFormat series) {
        try {
            return new Resolved(field, format, series, files(input), DataSchema.SERIES);
        } catch (DataException e) {
            throw new JobRejectedException(field + ".paths", e.getMessage(), e);
        }
    }

    private static List<Path> files(DataInput input) {
        List<Path> files = new ArrayList<>();
        for (String p : input.paths()) {
            for (Path f : InputFiles.resolve(p)) files.add(f.toAbsolutePath().normalize());
        }
        return List.copyOf(files);
    }

    /** The input's format, after rejecting options that do not apply to it. */
    private static InputFormat checkedFormat(String field, DataInput input) {
        if (input.textFormat()) {
            TextInputChecks.check(field, input);
        } else if (input.seriesFormat()) {
            if (input.text().isPresent() || input.features().isPresent() || input.zeroBased()) {
                throw new JobRejectedException(field + ".format", input.format() + " holds time series: text"
                        + " options, features and zero_based do not apply");
            }
        } else {
            if (input.text().isPresent()) {
                throw new JobRejectedException(field + ".text", "text options apply to text formats (text, "
                        + "text_files, text_csv), not " + input.format());
            }
            if (input.sparse()) {
                if (input.header()) {
                    throw new JobRejectedException(field + ".header", "libsvm input has no header line");
                }
                if (input.labelColumn() != 0) {
                    throw new JobRejectedException(field + ".label_column",
                            "libsvm records always start with their label: label_column must be 0 (the default), "
                                    + "got " + (input.labelColumn() < 0 ? "none" : input.labelColumn()));
                }
            } else if (input.zeroBased()) {
                throw new JobRejectedException(field + ".zero_based", "zero_based applies to libsvm input only");
            }
        }
        return InputFormat.of(input);
    }

    /** An input resolved to its files (none for an online job's records), its format and schema. */
    record Resolved(String field, InputFormat format, DataFormat dataFormat, List<Path> inputs,
                    DataSchema schema) {

        /** The input in messages: its first file. */
        String describe() {
            return inputs.isEmpty() ? "the online job's records" : field + " data " + inputs.get(0);
        }
        PlannedInput plan(long splitBytes, SplitBalance balance) {
            try {
                List<Split> splits = dataFormat.plan(inputs, splitBytes, balance);
                if (splits.isEmpty()) {
                    throw new JobRejectedException(field + ".paths", "no document files in " + inputs);
                }
                if (dataFormat instanceof TextCsvFormat) checkColumn(splits);
                return new PlannedInput(format, splits);
            } catch (DataException e) {
                throw new JobRejectedException(field + ".paths", e.getMessage(), e);
            }
        }

        /** Opens the first split of every file, which finds a named column in its header (or throws). */
        private void checkColumn(List<Split> splits) {
            Set<String> seen = new HashSet<>();
            for (Split split : splits) {
                if (!seen.add(split.path())) continue;
                dataFormat.open(split, schema, 0).close();
            }
        }
    }
}
