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
import io.statewise.algorithms.data.LibSvmFormat;
import io.statewise.algorithms.data.LibSvmSplitReader;
import io.statewise.algorithms.data.SplitPlanner;
import io.statewise.algorithms.training.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates a {@link JobSpec} and plans its data: the algorithm and hyperparameters exist and are valid, every path
 * resolves to non-empty files, every file has the same number of features, and the files are cut into splits.
 * Does file I/O: call it off actor threads.
 *
 * <p>CSV inputs get their dimension from their first record (checked against {@code features} if declared). LibSVM
 * inputs must declare {@code features}, since a sparse record does not show the dimension; the first record of each
 * file is parsed against it. All inputs of a job are either dense (CSV) or sparse (LibSVM): the algorithm sees one kind
 * of batch per job, so a mixed job is rejected.
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
        Resolved train = resolve("train", spec.train());
        Optional<Resolved> validation = spec.validation().map(d -> resolve("validation", d));
        Optional<Resolved> test = spec.test().map(d -> resolve("test", d));

        DataSchema schema = train.schema;
        for (Resolved other : validation.map(List::of).orElse(List.of())) checkCompatible(train, other);
        for (Resolved other : test.map(List::of).orElse(List.of())) checkCompatible(train, other);

        int parallelism = spec.parallelism() > 0 ? spec.parallelism() : cores;
        long seed = seedOf(spec);
        checkFitsSchema(trainer, schema);
        return new JobPlan(schema, train.plan(splitBytes), validation.map(r -> r.plan(splitBytes)),
                test.map(r -> r.plan(splitBytes)), parallelism, seed);
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

    /** Validation or test data fits the training data: same kind (dense or sparse) and same dimension. */
    private static void checkCompatible(Resolved train, Resolved other) {
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
        throw new JobRejectedException(other.field + ".paths", other.field + " data " + other.files.get(0)
                + " has " + other.schema.features() + " features but train data " + train.files.get(0) + " has "
                + train.schema.features());
    }

    private Resolved resolve(String field, DataInput input) {
        InputFormat format = checkedFormat(field, input);
        if (format.sparse() && input.features().isEmpty()) {
            throw new JobRejectedException(field + ".features", "libsvm input needs 'features' (the feature dimension)");
        }
        DataFormat dataFormat = format.toDataFormat();
        List<Path> files = new ArrayList<>();
        DataSchema schema;
        try {
            for (String p : input.paths()) {
                for (Path f : InputFiles.resolve(p)) files.add(f.toAbsolutePath().normalize());
            }
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
        return new Resolved(field, format, List.copyOf(files), schema);
    }

    /** The input's format, after rejecting options that do not apply to it. */
    private static InputFormat checkedFormat(String field, DataInput input) {
        if (input.sparse()) {
            if (input.header()) {
                throw new JobRejectedException(field + ".header", "libsvm input has no header line");
            }
            if (input.labelColumn() != 0) {
                throw new JobRejectedException(field + ".label_column",
                        "libsvm records always start with their label: label_column must be 0 (the default), got "
                                + (input.labelColumn() < 0 ? "none" : input.labelColumn()));
            }
        } else if (input.zeroBased()) {
            throw new JobRejectedException(field + ".zero_based", "zero_based applies to libsvm input only");
        }
        return InputFormat.of(input);
    }

    private record Resolved(String field, InputFormat format, List<Path> files, DataSchema schema) {
        PlannedInput plan(long splitBytes) {
            try {
                return new PlannedInput(format, SplitPlanner.plan(files, splitBytes));
            } catch (DataException e) {
                throw new JobRejectedException(field + ".paths", e.getMessage(), e);
            }
        }
    }
}
