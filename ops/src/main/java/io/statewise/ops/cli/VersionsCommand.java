package io.statewise.ops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code statewise versions ID} and {@code statewise events ID}: a job's model versions, or its event history. */
@Command(name = "versions", description = {"Prints a job's model versions, or with --events its event history.",
        "JSON {job_id, versions: [{version, sequence_nr, at, source, metrics, hyperparameters}]}; with --events "
                + "{job_id, events: [{sequence_nr, type, at, ...}], next_from}."})
final class VersionsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String jobId;
    @Option(names = "--events", description = "The event history instead (default: false).")
    boolean events;
    @Option(names = "--from", paramLabel = "SEQ", defaultValue = "1",
            description = "With --events: the first event (default: ${DEFAULT-VALUE}).")
    long from;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "With --events: the most events (default: ${DEFAULT-VALUE}, at most 1000).")
    int limit;
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String path = ApiClient.jobPath(jobId) + (events ? "/events?from=" + from + "&limit=" + limit : "/versions");
        Output.json(spec.commandLine().getOut(), client.client().get(path));
        return ExitCodes.OK;
    }
}
