package io.statewise.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.ops.http.JsonSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code statewise add-data ID PATH...}: more training data for a completed job, and a new model version. */
@Command(name = "add-data", description = {"Adds training data to a completed job: only the new files are read, "
        + "their partial states merge into the job's stored state, and a new model version is finalized.",
        "The data must be read as the job's training data was (format, header, label column, dimension). Prints the "
                + "job's status as JSON; with --wait, follows it and prints its new model. Paths are resolved by "
                + "the node."})
final class AddDataCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String jobId;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH",
            description = "New training data: files, directories or globs.")
    List<String> paths = new ArrayList<>();
    @Mixin DataFormatOptions dataFormat = new DataFormatOptions();
    @Mixin WaitOptions wait = new WaitOptions();
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ApiClient api = client.client();
        String body = JsonSupport.mapper().writeValueAsString(dataFormat.request(paths));
        JsonNode status = api.post(ApiClient.jobPath(jobId) + "/data", body);
        return wait.finish(api, status, spec);
    }
}
