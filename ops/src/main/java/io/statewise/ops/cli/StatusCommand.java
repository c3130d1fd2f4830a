package io.statewise.ops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code statewise status ID}: one job's status. */
@Command(name = "status", description = "Prints the status of a job as JSON.")
final class StatusCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String jobId;
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output.json(spec.commandLine().getOut(), client.client().get(ApiClient.jobPath(jobId)));
        return ExitCodes.OK;
    }
}
