package io.statewise.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner's embedded H2 journal, served over TCP: one database, the owner's durability setting for every session. */
class JournalServerTest {

    @TempDir
    Path dir;

    @Test
    void anotherSessionReachesTheOwnersJournalOverTcp() throws Exception {
        String embedded = JournalDatabase.h2FileUrl(dir);
        try (JournalServer server = JournalServer.start(dir, "127.0.0.1", 0);
             Connection owner = DriverManager.getConnection(embedded, "sa", "")) {
            assertTrue(server.port() > 0);
            assertEquals("jdbc:h2:tcp://127.0.0.1:" + server.port() + "/journal", server.url());
            try (Statement s = owner.createStatement()) {
                s.executeUpdate("INSERT INTO \"snapshot\" VALUES ('p-1', 1, 0, 1, 'm', X'01', NULL, NULL, NULL)");
            }
            JournalConnection remote = JournalConnection.of(JournalProfile.H2, server.url(), "", "", dir);
            JournalDatabase.prepare(remote);
            try (Connection c = DriverManager.getConnection(server.url(), "sa", "");
                 Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT \"persistence_id\" FROM \"snapshot\"")) {
                    assertTrue(rs.next());
                    assertEquals("p-1", rs.getString(1));
                }
                try (ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                        + "WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                    assertTrue(rs.next());
                    assertEquals("0", rs.getString(1), "remote commits are written at once");
                }
            }
        }
    }

    @Test
    void aMissingServerIsAClearError() throws Exception {
        int port = JournalConnectionTest.unusedPort();
        JournalConnection remote = JournalConnection.of(JournalProfile.H2,
                JournalDatabase.h2ServerUrl("127.0.0.1", port), "", "", dir);
        JournalUnavailableException e = assertThrows(JournalUnavailableException.class,
                () -> JournalDatabase.prepare(remote));
        assertTrue(e.getMessage().startsWith("cannot open the H2 journal jdbc:h2:tcp://127.0.0.1:" + port
                + "/journal (is the node that serves it"), e.getMessage());
    }

    @Test
    void remoteSessionsCannotCreateDatabases() throws Exception {
        try (JournalServer server = JournalServer.start(dir, "127.0.0.1", 0)) {
            assertThrows(java.sql.SQLException.class, () -> DriverManager.getConnection(server.url(), "sa", "")
                    .close());
        }
    }
}
