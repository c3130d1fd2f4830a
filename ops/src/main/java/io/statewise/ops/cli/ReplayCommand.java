package io.statewise.ops.cli;

import com.typesafe.config.Config;
import io.statewise.actors.history.HistoricModel;
import io.statewise.actors.history.OfflineJournal;
import io.statewise.ops.http.HistoricModelDto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code statewise replay ID}: a job's model as of one event, rebuilt from the journal database alone (no node needs
 * to run): the events are replayed through the job's own fold and the state finalized, or the model version in force
 * at that event is read back.
 */
@Command(name = "replay", description = {"Rebuilds a job's model as of one event of its journal, from the database "
        + "alone (no node needs to run).",
        "JSON {job_id, algorithm, as_of, version, records, metrics, model}, like 'statewise model'. An embedded H2 "
                + "journal is locked by its running node: stop it, or read the journal it serves (--journal-url)."})
final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String jobId;
    @Option(names = "--as-of", paramLabel = "SEQ",
            description = "The event (sequence number from 1, see GET /v1/jobs/ID/events) to rebuild the model as of "
                    + "(default: the last event).")
    Long asOf;
    @Option(names = "--version", paramLabel = "N", description = "A stored model version instead (default: none).")
    Integer version;
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "statewise-data",
            description = "The node's data directory, whose embedded H2 journal is read (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;
    @Mixin JournalOptions journal;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (asOf != null && version != null) throw CliException.usage("give either --as-of or --version, not both");
        if (asOf != null && asOf < 1) throw CliException.usage("--as-of must be >= 1, got " + asOf);
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Config config;
        try {
            config = OfflineJournal.config(dir, journal.url(), journal.config());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        // Logs go to the data directory when there is one; a journal read over a URL must not create it.
        if (Files.isDirectory(dir)) LogFile.configure(dir);
        else LogFile.discard();
        try (OfflineJournal offline = OfflineJournal.open(config)) {
            CompletionStage<HistoricModel> model = version != null
                    ? offline.history().modelVersion(jobId, version)
                    : offline.history().modelAsOf(jobId, asOf != null ? asOf : Long.MAX_VALUE);
            Output.json(spec.commandLine().getOut(), HistoricModelDto.from(Futures.await(model)));
        }
        return ExitCodes.OK;
    }
}
