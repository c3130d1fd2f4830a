package io.statewise.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code statewise send-records ID FILE}: streams records into an online job. */
@Command(name = "send-records", description = {"Streams the records of FILE (or '-' for standard input) into an "
        + "online job, as CSV or JSON Lines, with chunked transfer: the file is read as it is sent, whatever its size.",
        "Prints the acknowledgement as JSON once every record is checkpointed in the job (records_accepted, "
                + "checkpointed_through). With --close, then ends the job's online phase and prints its status."})
final class SendRecordsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The online job's id.")
    String jobId;
    @Parameters(index = "1", paramLabel = "FILE", description = "Records, one per line; '-' reads standard input.")
    String file;
    @Option(names = "--format", paramLabel = "csv|jsonlines",
            description = "How the records are written (default: jsonlines for files ending in .jsonl, .ndjson or "
                    + ".json, else csv).")
    String format;
    @Option(names = "--close", description = "Close the job after the records: finalize and store its model.")
    boolean close;
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ApiClient api = client.client();
        String syntax = syntax();
        if (!file.equals("-") && !Files.isRegularFile(Path.of(file))) throw CliException.usage("no file " + file);
        String contentType = syntax.equals("jsonlines") ? "application/jsonlines" : "text/csv";
        JsonNode accepted = api.postStream(ApiClient.jobPath(jobId) + "/records?format=" + syntax, contentType,
                this::open);
        Output.json(spec.commandLine().getOut(), accepted);
        if (close) {
            JsonNode status = api.post(ApiClient.jobPath(jobId) + "/close", "");
            Output.json(spec.commandLine().getOut(), status);
        }
        return ExitCodes.OK;
    }

    private String syntax() {
        if (format != null) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            if (f.equals("csv") || f.equals("jsonlines")) return f;
            throw CliException.usage("--format must be csv or jsonlines, got '" + format + "'");
        }
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? "jsonlines" : "csv";
    }

    private InputStream open() {
        if (file.equals("-")) return System.in;
        try {
            return Files.newInputStream(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
