package io.statewise.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code statewise submit SPEC.json}: submits a job to a node. */
@Command(name = "submit", description = {"Submits a job spec file to a node.",
        "The file is the JSON body of POST /v1/jobs; prints the job's status as JSON. With --wait, follows the job "
                + "with progress on stderr and prints its model as JSON instead. Data paths in the spec are "
                + "resolved by the node, relative to its working directory."})
final class SubmitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC.json", description = "The job spec file.")
    Path specFile;
    @Mixin WaitOptions wait = new WaitOptions();
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ApiClient api = client.client();
        JsonNode status = api.post("/v1/jobs", RequestFile.read(specFile));
        return wait.finish(api, status, spec);
    }
}
