package io.statewise.ops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code statewise cancel ID}: stops a running job. */
@Command(name = "cancel",
        description = {"Cancels a running job and prints its status.", "A finished job is left as it is."})
final class CancelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String jobId;
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output.json(spec.commandLine().getOut(), client.client().delete(ApiClient.jobPath(jobId)));
        return ExitCodes.OK;
    }
}
