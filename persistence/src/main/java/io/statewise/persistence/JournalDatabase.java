package io.statewise.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the event journal and snapshot store live. The default is an embedded H2 file database under the node's data
 * directory; the schema is created idempotently when the first connection opens (H2's {@code INIT=RUNSCRIPT}), because
 * pekko-persistence-jdbc does not create its tables and its own H2 script cannot run twice.
 */
public final class JournalDatabase {

    /** Classpath location of the idempotent H2 schema. */
    public static final String H2_SCHEMA = "classpath:schema/h2-statewise-schema.sql";

    private JournalDatabase() {}

    /**
     * The JDBC URL of the embedded H2 journal under {@code dataDirectory} ({@code journal.mv.db}).
     * {@code AUTO_SERVER} is off: one node owns the file at a time, and a second process fails fast with a clear lock
     * error instead of silently sharing it. {@code WRITE_DELAY=0} writes every commit to the file at once: H2's
     * default (500 ms) loses the last half second of acknowledged events when the process is killed, and an event
     * the job acted on must survive {@code kill -9}.
     */
    public static String h2FileUrl(Path dataDirectory) {
        String base = dataDirectory.toAbsolutePath().resolve("journal").toString().replace('\\', '/');
        return "jdbc:h2:file:" + base + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0;INIT=RUNSCRIPT FROM '" + H2_SCHEMA + "'";
    }

    /** The JDBC URL of a named in-memory H2 journal (tests). */
    public static String h2MemoryUrl(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '" + H2_SCHEMA + "'";
    }

    /** Opens and closes one connection, so that the schema exists and the file is usable before the node starts. */
    public static void verify(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            c.isValid(5);
        }
    }
}
