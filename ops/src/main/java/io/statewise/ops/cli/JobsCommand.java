package io.statewise.ops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code statewise jobs}: lists the jobs of a node's cluster. */
@Command(name = "jobs", description = "Lists the cluster's jobs, newest first, as JSON {\"jobs\": [...]}.")
final class JobsCommand implements Callable<Integer> {
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output.json(spec.commandLine().getOut(), client.client().get("/v1/jobs"));
        return ExitCodes.OK;
    }
}
