package io.statewise.ops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code statewise model ID}: a completed job's model. */
@Command(name = "model", description = {"Prints the model of a completed job.",
        "JSON {job_id, algorithm, records, metrics, model}."})
final class ModelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String jobId;
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output.json(spec.commandLine().getOut(), client.client().get(ApiClient.jobPath(jobId) + "/model"));
        return ExitCodes.OK;
    }
}
