package io.statewise.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.statewise.persistence.JournalDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
}
