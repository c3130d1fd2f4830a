package io.statewise.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code statewise tuning-job start|status|model}: hyperparameter searches over child jobs, through the HTTP API. */
@Command(name = "tuning-job", description = "Starts and follows tuning jobs (POST /v1/tuning-jobs).")
final class TuningJobCommand {

    /** How often {@code start --wait} polls the search. */
    private static final long POLL_MILLIS = 500;

    @Spec CommandSpec spec;

    @Command(name = "start", description = {"Starts a tuning job from a request file (as the body of POST "
            + "/v1/tuning-jobs) and prints its status as JSON.", "With --wait, follows it until it is over and "
            + "prints its final status instead (exit 1 if it failed)."})
    int start(@Parameters(paramLabel = "REQUEST.json", description = "The tuning request file.") Path file,
              @Option(names = "--wait", description = "Wait until the search is over (default: false).")
              boolean wait,
              @Mixin ClientOptions client) throws InterruptedException {
        ApiClient api = client.client();
        JsonNode status = api.post("/v1/tuning-jobs", RequestFile.read(file));
        while (wait && "running".equals(status.path("phase").asText())) {
            Thread.sleep(POLL_MILLIS);
            status = api.get(ApiClient.tuningJobPath(status.path("tuning_id").asText()));
        }
        Output.json(spec.commandLine().getOut(), status);
        return "failed".equals(status.path("phase").asText()) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    @Command(name = "status", description = "Prints a tuning job's status (rungs, children, best) as JSON.")
    int status(@Parameters(paramLabel = "ID", description = "The tuning job id.") String id,
               @Mixin ClientOptions client) throws InterruptedException {
        Output.json(spec.commandLine().getOut(), client.client().get(ApiClient.tuningJobPath(id)));
        return ExitCodes.OK;
    }

    @Command(name = "model", description = "Prints the model of a tuning job's best child as JSON.")
    int model(@Parameters(paramLabel = "ID", description = "The tuning job id.") String id,
              @Mixin ClientOptions client) throws InterruptedException {
        Output.json(spec.commandLine().getOut(), client.client().get(ApiClient.tuningJobPath(id) + "/model"));
        return ExitCodes.OK;
    }
}
