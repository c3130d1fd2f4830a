package io.statewise.actors.job;

import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.UnknownAlgorithmException;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.CsvSplitReader;
import io.statewise.algorithms.data.DataException;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.InputFiles;
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
        for (Resolved other : validation.map(List::of).orElse(List.of())) checkSameFeatures(schema, train, other);
        for (Resolved other : test.map(List::of).orElse(List.of())) checkSameFeatures(schema, train, other);

        int parallelism = spec.parallelism() > 0 ? spec.parallelism() : cores;
        long seed = seedOf(spec);
        trainer.schedule(); // validated with the hyperparameters
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

    private static long seedOf(JobSpec spec) {
        String seed = spec.hyperParameters().get("seed");
        try {
            return seed == null ? 0L : Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new JobRejectedException("hyperparameters.seed", "seed must be an integer, got '" + seed + "'");
        }
    }

    private void checkSameFeatures(DataSchema schema, Resolved train, Resolved other) {
        if (other.schema.features() != schema.features()) {
            throw new JobRejectedException(other.field + ".paths", other.field + " data " + other.files.get(0)
                    + " has " + other.schema.features() + " features but train data " + train.files.get(0) + " has "
                    + schema.features());
        }
    }

    private Resolved resolve(String field, DataInput input) {
        CsvFormat format = CsvFormat.defaults().withHeader(input.header()).withLabelColumn(input.labelColumn());
        List<Path> files = new ArrayList<>();
        try {
            for (String p : input.paths()) {
                for (Path f : InputFiles.resolve(p)) files.add(f.toAbsolutePath().normalize());
            }
            DataSchema schema = CsvSplitReader.probe(files, format);
            return new Resolved(field, format, List.copyOf(files), schema);
        } catch (DataException e) {
            throw new JobRejectedException(field + ".paths", e.getMessage(), e);
        }
    }

    private record Resolved(String field, CsvFormat format, List<Path> files, DataSchema schema) {
        PlannedInput plan(long splitBytes) {
            try {
                return new PlannedInput(format, SplitPlanner.plan(files, splitBytes));
            } catch (DataException e) {
                throw new JobRejectedException(field + ".paths", e.getMessage(), e);
            }
        }
    }
}
