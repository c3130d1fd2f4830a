package io.statewise.actors.history;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.statewise.actors.job.JobSettings;
import io.statewise.actors.node.NodeConfig;
import io.statewise.actors.node.NodeSettings;
import io.statewise.persistence.JournalConnection;
import io.statewise.persistence.JournalDatabase;
import io.statewise.persistence.JournalProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A journal database read with no node running: a plain, local actor system (no cluster, no sharding, no job entity)
 * that holds only the JDBC read journal, for {@link JobHistory} ({@code statewise replay}, benchmarks). The journal
 * settings are a node's ({@link NodeConfig}), so the same options and environment variables name the database.
 */
public final class OfflineJournal implements AutoCloseable {
    private static final Config LOCAL = ConfigFactory.parseString("pekko.actor.provider = local");

    private final ActorSystem<Void> system;
    private final JobHistory history;

    private OfflineJournal(ActorSystem<Void> system) {
        this.system = system;
        this.history = new JobHistory(system,
                system.dispatchers().lookup(DispatcherSelector.fromConfig(JobSettings.COMPUTE_DISPATCHER)));
    }

    /**
     * Where the journal of {@code dataDirectory} (its embedded H2 file) or at {@code url} is, checked before anything
     * opens it.
     *
     * @param journalKeys {@code statewise.journal.*} keys (command-line options) over the configuration
     * @return the resolved configuration of the reader
     * @throws IllegalArgumentException if it is the embedded H2 file and that does not exist: reading must not create
     *                                  an empty journal
     */
    public static Config config(Path dataDirectory, Optional<String> url, Config journalKeys) {
        Config config = NodeConfig.load(new NodeSettings(dataDirectory, "127.0.0.1", 0, List.of(), url),
                journalKeys.withFallback(LOCAL));
        JournalConnection journal = NodeConfig.journal(config, dataDirectory);
        Path file = dataDirectory.resolve(JournalDatabase.H2_DATABASE + ".mv.db");
        if (journal.profile() == JournalProfile.H2 && journal.url().startsWith("jdbc:h2:file:")
                && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no journal in " + dataDirectory + " (" + file.getFileName()
                    + " not found); give the node's data directory or a journal URL");
        }
        return config;
    }

    /** Opens the reader of {@code config} (from {@link #config}). */
    public static OfflineJournal open(Config config) {
        return new OfflineJournal(ActorSystem.create(Behaviors.empty(), "statewise-replay", config));
    }

    /** The journal's job histories. */
    public JobHistory history() {
        return history;
    }

    /** Stops the actor system and its connection pool; blocks until they have stopped. */
    @Override
    public void close() {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
