package io.statewise.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.statewise.actors.worker.WorkerCapacity;
import io.statewise.persistence.JournalDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The journal settings reach every plugin's slick block; no node is started. */
class NodeConfigTest {

    private static final Path DATA = Path.of("node-data");
    private static final NodeSettings STANDALONE = NodeSettings.standalone(DATA);

    @Test
    void defaultIsTheEmbeddedH2File() {
        Config c = NodeConfig.load(STANDALONE, ConfigFactory.empty());
        for (String plugin : List.of("jdbc-journal", "jdbc-snapshot-store", "jdbc-read-journal")) {
            assertEquals("slick.jdbc.H2Profile$", c.getString(plugin + ".slick.profile"));
            assertEquals(JournalDatabase.h2FileUrl(DATA), c.getString(plugin + ".slick.db.url"));
            assertEquals("sa", c.getString(plugin + ".slick.db.user"));
        }
        assertTrue(NodeConfig.journalServe(c, NodeConfig.journal(c, DATA)).isEmpty());
    }

    @Test
    void postgresProfileSetsDialectDriverAndCredentials() {
        Config extra = ConfigFactory.parseString("""
                statewise.journal { profile = postgres, url = "jdbc:postgresql://db:5432/sw", user = sw,
                                    password = secret }""");
        Config c = NodeConfig.load(STANDALONE, extra);
        for (String plugin : List.of("jdbc-journal", "jdbc-snapshot-store", "jdbc-read-journal")) {
            assertEquals("slick.jdbc.PostgresProfile$", c.getString(plugin + ".slick.profile"));
            assertEquals("org.postgresql.Driver", c.getString(plugin + ".slick.db.driver"));
            assertEquals("jdbc:postgresql://db:5432/sw", c.getString(plugin + ".slick.db.url"));
            assertEquals("sw", c.getString(plugin + ".slick.db.user"));
            assertEquals("secret", c.getString(plugin + ".slick.db.password"));
        }
        Config serving = NodeConfig.load(STANDALONE,
                ConfigFactory.parseString("statewise.journal.serve.enabled = on").withFallback(extra));
        IllegalArgumentException serve = assertThrows(IllegalArgumentException.class,
                () -> NodeConfig.journalServe(serving, NodeConfig.journal(serving, DATA)));
        assertTrue(serve.getMessage().contains("embedded H2 file"), serve.getMessage());
    }

    @Test
    void settingsUrlReachesTheJournalAndTheEmbeddedPinWinsOverLowerLayers() {
        String tcp = JournalDatabase.h2ServerUrl("127.0.0.1", 9092);
        NodeSettings joiner = new NodeSettings(DATA, "127.0.0.1", 0, List.of(), Optional.of(tcp));
        assertEquals(tcp, NodeConfig.load(joiner, ConfigFactory.empty()).getString("jdbc-journal.slick.db.url"));
        Config pinned = NodeConfig.load(joiner, NodeConfig.embeddedJournal());
        assertEquals(JournalDatabase.h2FileUrl(DATA), pinned.getString("jdbc-journal.slick.db.url"));
    }

    @Test
    void badProfileNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodeConfig.load(STANDALONE,
                ConfigFactory.parseString("statewise.journal.profile = oracle")));
        assertTrue(e.getMessage().startsWith("statewise.journal.profile: unknown journal profile 'oracle'"),
                e.getMessage());
    }

    @Test
    void rolesDefaultToWorkerAndApiAndAWorkerAnnouncesItsSlots() {
        Config c = NodeConfig.load(STANDALONE, ConfigFactory.empty());
        NodeRoles roles = NodeRoles.from(c);
        assertTrue(roles.worker() && roles.api() && roles.jobRole().isEmpty(), roles.toString());
        assertEquals(Runtime.getRuntime().availableProcessors(), roles.workerSlots());
        assertEquals(List.of("api", "worker", WorkerCapacity.slotsRole(roles.workerSlots())),
                c.getStringList("pekko.cluster.roles"));
    }

    @Test
    void rolesComeAsAListOrACommaSeparatedStringAndReservedOnesAreRefused() {
        Config apiOnly = NodeConfig.load(STANDALONE, ConfigFactory.parseString("""
                statewise.node { roles = "api, jobs", worker-slots = 3, job-role = jobs }"""));
        NodeRoles roles = NodeRoles.from(apiOnly);
        assertEquals(Set.of("api", "jobs"), roles.roles());
        assertEquals(Optional.of("jobs"), roles.jobRole());
        assertTrue(roles.hostsJobs());
        assertTrue(!NodeRoles.from(NodeConfig.load(STANDALONE, ConfigFactory.parseString(
                "statewise.node { roles = [api], job-role = jobs }"))).hostsJobs(), "an api node without the job role");
        assertEquals(List.of("api", "jobs"), apiOnly.getStringList("pekko.cluster.roles"), "no slots without worker");
        Config worker = NodeConfig.load(STANDALONE, ConfigFactory.parseString(
                "statewise.node { roles = [worker], worker-slots = 3 }"));
        assertEquals(List.of("worker", WorkerCapacity.slotsRole(3)), worker.getStringList("pekko.cluster.roles"));
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class, () -> NodeConfig.load(
                STANDALONE, ConfigFactory.parseString("statewise.node.roles = [worker-slots-9]")));
        assertTrue(reserved.getMessage().contains("statewise.node.roles"), reserved.getMessage());
        IllegalArgumentException slots = assertThrows(IllegalArgumentException.class, () -> NodeConfig.load(
                STANDALONE, ConfigFactory.parseString("statewise.node.worker-slots = many")));
        assertTrue(slots.getMessage().contains("worker-slots"), slots.getMessage());
    }
}
