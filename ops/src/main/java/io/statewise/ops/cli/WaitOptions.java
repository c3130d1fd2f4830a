package io.statewise.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.job.JobPhase;
import io.statewise.ops.http.JobStatusDto;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --wait} of client commands that start training ({@code submit}, {@code add-data}): print the job's
 * status, or follow the job with progress on stderr and print its model.
 */
final class WaitOptions {
    @Option(names = "--wait", description = "Wait until the job is final, then print its model (default: false).")
    boolean await;
    @Option(names = "--no-progress", description = "With --wait: no progress on stderr (default: false).")
    boolean noProgress;

    /**
     * Prints {@code status} as JSON, or with {@code --wait} follows its job until it is final and prints the model
     * (an online job's status is printed at once).
     *
     * @throws CliException (exit 1) if the job failed or was cancelled
     */
    int finish(ApiClient api, JsonNode status, CommandSpec spec) throws Exception {
        // An online job waits for records, not for training: there is nothing to follow.
        if (!await || ApiClient.toStatus(status).toPhase() == JobPhase.ONLINE) {
            Output.json(spec.commandLine().getOut(), status);
            return ExitCodes.OK;
        }
        String jobId = ApiClient.toStatus(status).jobId();
        JobProgress progress = new JobProgress(spec.commandLine().getErr(), JobProgress.Mode.detect(noProgress),
                System::nanoTime);
        JobStatusDto last = progress.follow(() -> api.status(jobId));
        if (!last.phase().equals("completed")) throw CliException.jobEnded(last);
        Output.json(spec.commandLine().getOut(), api.get(ApiClient.jobPath(jobId) + "/model"));
        return ExitCodes.OK;
    }
}
