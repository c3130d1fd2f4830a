package io.statewise.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JournalConnectionTest {

    private static final Path DATA = Path.of("data");

    @Test
    void h2DefaultsToTheEmbeddedFileAndSa() {
        JournalConnection c = JournalConnection.of(JournalProfile.H2, "", "", "", DATA);
        assertEquals(JournalDatabase.h2FileUrl(DATA), c.url());
        assertEquals("sa", c.user());
        assertFalse(c.isH2Server());
        assertTrue(JournalConnection.of(JournalProfile.H2, JournalDatabase.h2ServerUrl("127.0.0.1", 9092), "", "",
                DATA).isH2Server());
    }

    @Test
    void postgresNeedsAUrlOfItsKind() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> JournalConnection.of(JournalProfile.POSTGRES, " ", "u", "p", DATA));
        assertTrue(none.getMessage().contains("STATEWISE_JDBC_URL"), none.getMessage());
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> JournalConnection.of(JournalProfile.H2, "jdbc:postgresql://db:5432/x", "u", "p", DATA));
        assertTrue(mismatch.getMessage().contains("--journal postgres"), mismatch.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> JournalConnection.of(JournalProfile.POSTGRES, "jdbc:h2:mem:x", "u", "p", DATA));
    }

    @Test
    void neverShowsThePassword() {
        JournalConnection c = JournalConnection.of(JournalProfile.POSTGRES,
                "jdbc:postgresql://db:5432/statewise?password=hidden", "statewise", "secret", DATA);
        assertEquals("jdbc:postgresql://db:5432/statewise", c.displayUrl());
        assertFalse(c.toString().contains("secret") || c.toString().contains("hidden"), c.toString());
    }

    @Test
    void parsesProfileNames() {
        assertEquals(JournalProfile.POSTGRES, JournalProfile.parse("PostgreSQL"));
        assertEquals(JournalProfile.H2, JournalProfile.parse(" h2"));
        assertThrows(IllegalArgumentException.class, () -> JournalProfile.parse("mysql"));
    }

    @Test
    void postgresSchemaIsIdempotentStatementByStatement() {
        var statements = JournalDatabase.statements(JournalDatabase.POSTGRES_SCHEMA);
        assertEquals(7, statements.size(), statements.toString());
        for (String sql : statements) {
            assertTrue(sql.contains("IF NOT EXISTS"), sql);
            assertFalse(sql.contains("CONCURRENTLY"), sql);
        }
    }

    @Test
    void unreachablePostgresSaysWhereAndWhat() throws Exception {
        int port = unusedPort();
        JournalConnection c = JournalConnection.of(JournalProfile.POSTGRES,
                "jdbc:postgresql://127.0.0.1:" + port + "/statewise", "statewise", "pw", DATA);
        JournalUnavailableException e = assertThrows(JournalUnavailableException.class,
                () -> JournalDatabase.prepare(c));
        assertTrue(e.getMessage().startsWith("cannot connect to the PostgreSQL journal at jdbc:postgresql://127.0.0.1:"
                + port + "/statewise as user 'statewise': "), e.getMessage());
        assertFalse(e.getMessage().contains("pw"), e.getMessage());
    }

    /** A port nothing listens on (it was free a moment ago). */
    static int unusedPort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
