package io.statewise.ops.cli;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.service.JobRejectedException;
import io.statewise.actors.service.JobService;
import io.statewise.actors.service.TrainedModel;
import io.statewise.ops.http.JobStatusDto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code statewise train}: trains a model on an embedded single-node cluster and prints it. */
@Command(name = "train", description = {"Trains a model on an embedded single-node cluster and prints it.",
        "Shows progress on stderr and prints one JSON document {job_id, algorithm, records, seconds, metrics, model} "
                + "on stdout. Logs go to DIR/logs/statewise.log. Exit codes: 0 trained, 1 the job or node failed, "
                + "2 bad input."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--algorithm", required = true, paramLabel = "NAME",
            description = "Registered algorithm, e.g. kmeans.")
    String algorithm;
    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "Training data: file, directory or glob (text_files: directories of documents); "
                    + "repeatable.")
    List<String> data = new ArrayList<>();
    @Option(names = "--validation", paramLabel = "PATH",
            description = "Validation data, evaluated on the final model; repeatable (default: none).")
    List<String> validation = new ArrayList<>();
    @Option(names = "--test", paramLabel = "PATH",
            description = "Test data, evaluated on the final model; repeatable (default: none).")
    List<String> test = new ArrayList<>();
    @Mixin DataFormatOptions dataFormat = new DataFormatOptions();
    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", converter = NameValue.Converter.class,
            description = "A hyperparameter, e.g. -p k=10; repeatable (default: the algorithm's defaults).")
    List<NameValue> params = new ArrayList<>();
    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0",
            description = "Worker slots, 0 for one per core (default: ${DEFAULT-VALUE}).")
    int parallelism;
    @Option(names = "--max-bad-records", paramLabel = "N", defaultValue = "0",
            description = "Malformed rows to skip before the job fails (default: ${DEFAULT-VALUE}).")
    long maxBadRecords;
    @Option(names = "--split-size", paramLabel = "BYTES", defaultValue = "0",
            description = "Target split size in bytes, 0 for the node's default (default: ${DEFAULT-VALUE}).")
    long splitSize;
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Journal and logs (default: a temporary directory, deleted at exit unless the job fails).")
    Path dataDirectory;
    @Option(names = "--no-progress", description = "No progress on stderr (default: false).")
    boolean noProgress;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        JobSpec jobSpec = jobSpec();
        boolean temporary = dataDirectory == null;
        Path dir = temporary ? Files.createTempDirectory("statewise-train-")
                : Files.createDirectories(dataDirectory.toAbsolutePath().normalize());
        Path log = LogFile.configure(dir);
        try (EmbeddedNode node = EmbeddedNode.start(dir, temporary)) {
            try {
                return train(node.node().jobService(), jobSpec);
            } catch (JobRejectedException e) {
                throw e;
            } catch (RuntimeException e) {
                node.keepDataDirectory();
                int exit = e instanceof CliException c ? c.exitCode() : ExitCodes.FAILURE;
                throw new CliException(exit, message(e) + " (log: " + log + ")");
            }
        }
    }

    /** The job spec of the options; fails with exit 2 on values the runtime cannot accept. */
    JobSpec jobSpec() {
        try {
            return new JobSpec(algorithm, NameValue.toMap(params), input(data), optionalInput(validation),
                    optionalInput(test), parallelism, maxBadRecords, splitSize);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private int train(JobService jobs, JobSpec jobSpec) throws Exception {
        long started = System.nanoTime();
        String jobId = Futures.await(jobs.submit(jobSpec)).jobId();
        JobProgress progress = new JobProgress(spec.commandLine().getErr(), JobProgress.Mode.detect(noProgress),
                System::nanoTime);
        JobStatusDto last = progress.follow(() -> JobStatusDto.from(Futures.await(jobs.status(jobId))));
        if (!last.phase().equals("completed")) throw CliException.jobEnded(last);
        TrainedModel model = Futures.await(jobs.model(jobId));
        double seconds = Math.round((System.nanoTime() - started) / 1e6) / 1e3;
        Output.json(spec.commandLine().getOut(), new TrainResult(jobId, model.algorithm(), model.records(), seconds,
                model.metrics(), model.model()));
        return ExitCodes.OK;
    }

    private DataInput input(List<String> paths) {
        return dataFormat.input(paths);
    }

    private Optional<DataInput> optionalInput(List<String> paths) {
        return paths.isEmpty() ? Optional.empty() : Optional.of(input(paths));
    }

    private static String message(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
