package io.statewise.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where the event journal and snapshot store live, and their schema. pekko-persistence-jdbc does not create its
 * tables, and its own scripts cannot run twice, so the project keeps idempotent copies and runs them before the node
 * starts:
 * <ul>
 *   <li>H2 (the default, an embedded file under the node's data directory): at connection time, through H2's
 *       {@code INIT=RUNSCRIPT} in the URL;</li>
 *   <li>PostgreSQL: {@link #prepare} runs {@value #POSTGRES_SCHEMA} in one transaction under an advisory lock, so
 *       nodes that start at the same time do not race on the catalog.</li>
 * </ul>
 */
public final class JournalDatabase {

    /** Classpath location of the idempotent H2 schema. */
    public static final String H2_SCHEMA = "classpath:schema/h2-statewise-schema.sql";
    /** Classpath resource of the idempotent PostgreSQL schema. */
    public static final String POSTGRES_SCHEMA = "schema/postgres-statewise-schema.sql";
    /** The H2 database name under the data directory ({@code journal.mv.db}). */
    public static final String H2_DATABASE = "journal";
    /** Key of the PostgreSQL advisory lock held while the schema is created ("SWSCHEMA" in ASCII). */
    static final long SCHEMA_LOCK = 0x5357534348454D41L;

    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private JournalDatabase() {}

    /**
     * The JDBC URL of the embedded H2 journal under {@code dataDirectory} ({@code journal.mv.db}).
     * {@code AUTO_SERVER} is off: one node owns the file at a time, and a second process fails fast with a clear lock
     * error instead of silently sharing it (other nodes reach it through {@link JournalServer}). {@code WRITE_DELAY=0}
     * writes every commit to the file at once: H2's default (500 ms) loses the last half second of acknowledged events
     * when the process is killed, and an event the job acted on must survive {@code kill -9}. The setting belongs to
     * the open database, so it holds for the sessions of other nodes served over TCP too.
     */
    public static String h2FileUrl(Path dataDirectory) {
        String base = dataDirectory.toAbsolutePath().resolve(H2_DATABASE).toString().replace('\\', '/');
        return "jdbc:h2:file:" + base + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0;INIT=RUNSCRIPT FROM '" + H2_SCHEMA + "'";
    }

    /** The JDBC URL of a named in-memory H2 journal (tests). */
    public static String h2MemoryUrl(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '" + H2_SCHEMA + "'";
    }

    /** The JDBC URL of the H2 journal that a node serves on {@code host:port} ({@link JournalServer}). */
    public static String h2ServerUrl(String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:h2:tcp://" + h + ":" + port + "/" + H2_DATABASE;
    }

    /** Opens and closes one connection to an H2 journal, so that the schema exists before the node starts. */
    public static void verify(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, JournalConnection.H2_USER, "")) {
            c.isValid(5);
        }
    }

    /**
     * Makes sure the journal is reachable and its tables exist: opens one connection and, for PostgreSQL, creates the
     * schema idempotently.
     *
     * @throws JournalUnavailableException saying which database, as which user, and what failed
     */
    public static void prepare(JournalConnection journal) {
        switch (journal.profile()) {
            case H2 -> prepareH2(journal);
            case POSTGRES -> preparePostgres(journal);
        }
    }

    private static void prepareH2(JournalConnection journal) {
        try (Connection c = DriverManager.getConnection(journal.url(), journal.user(), journal.password())) {
            c.isValid(CONNECT_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            String hint = journal.isH2Server()
                    ? "is the node that serves it (statewise node --serve-journal) up?"
                    : journal.url().startsWith("jdbc:h2:file:")
                            ? "is another node using this data directory? Other nodes reach it through the "
                                    + "owner's --serve-journal"
                            : "check the URL";
            throw new JournalUnavailableException("cannot open the H2 journal " + journal.displayUrl() + " ("
                    + hint + "): " + e.getMessage(), e);
        }
    }

    private static void preparePostgres(JournalConnection journal) {
        Properties props = new Properties();
        props.setProperty("user", journal.user());
        props.setProperty("password", journal.password());
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", Integer.toString(2 * CONNECT_TIMEOUT_SECONDS));
        Connection c;
        try {
            c = DriverManager.getConnection(journal.url(), props);
        } catch (SQLException e) {
            throw new JournalUnavailableException("cannot connect to the PostgreSQL journal at "
                    + journal.displayUrl() + " as user '" + journal.user() + "': " + e.getMessage()
                    + sqlState(e), e);
        }
        try (c) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                try (ResultSet rs = s.executeQuery("SELECT current_schema()")) {
                    if (!rs.next() || rs.getString(1) == null) {
                        throw new JournalUnavailableException("the PostgreSQL journal at " + journal.displayUrl()
                                + " has no schema to create its tables in: the search_path of user '"
                                + journal.user() + "' (or currentSchema in the URL) names no existing schema", null);
                    }
                }
                for (String sql : statements(POSTGRES_SCHEMA)) s.execute(sql);
            }
            c.commit();
        } catch (SQLException e) {
            throw new JournalUnavailableException("cannot create the journal tables in the PostgreSQL database "
                    + journal.displayUrl() + " as user '" + journal.user() + "': " + e.getMessage() + sqlState(e),
                    e);
        }
    }

    private static String sqlState(SQLException e) {
        return e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")";
    }

    /** The statements of a schema script: {@code --} comment lines dropped, split at semicolons. */
    static List<String> statements(String resource) {
        String script;
        try (InputStream in = JournalDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        StringBuilder body = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) body.append(line).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String sql : body.toString().split(";")) {
            if (!sql.isBlank()) out.add(sql.strip());
        }
        return out;
    }
}
