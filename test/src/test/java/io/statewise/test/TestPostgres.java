package io.statewise.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the integration tests, from {@code STATEWISE_TEST_PG_URL}, {@code STATEWISE_TEST_PG_USER}
 * and {@code STATEWISE_TEST_PG_PASSWORD} (what {@code scripts/postgres-test-server.sh env} prints; {@code
 * scripts/test.sh} starts the server and sets them). Without a URL the tests are skipped, unless
 * {@code STATEWISE_REQUIRE_PG=1} (set by {@code scripts/test.sh}): then they fail, as they do whenever a given server
 * cannot be reached. Each test works in a schema of its own, so runs never see each other's jobs.
 *
 * @param url      JDBC URL
 * @param user     database user
 * @param password password
 */
record TestPostgres(String url, String user, String password) {

    /** The configured server; skips or fails the calling test when there is none. */
    static TestPostgres require() {
        String url = System.getenv("STATEWISE_TEST_PG_URL");
        boolean required = "1".equals(System.getenv("STATEWISE_REQUIRE_PG"));
        if (url == null || url.isBlank()) {
            if (required) {
                fail("STATEWISE_REQUIRE_PG=1 but STATEWISE_TEST_PG_URL is not set: run the tests with "
                        + "scripts/test.sh, or start scripts/postgres-test-server.sh and eval its env");
            }
            Assumptions.abort("no PostgreSQL server: set STATEWISE_TEST_PG_URL (scripts/test.sh does)");
        }
        TestPostgres pg = new TestPostgres(url, env("STATEWISE_TEST_PG_USER", "statewise"),
                env("STATEWISE_TEST_PG_PASSWORD", ""));
        try (Connection c = pg.connect()) {
            c.isValid(5);
        } catch (SQLException e) {
            fail("cannot reach the test PostgreSQL server at " + url + " as " + pg.user + ": " + e.getMessage(), e);
        }
        return pg;
    }

    /** The same server, with the connection's schema a new, empty one. */
    TestPostgres inFreshSchema() throws SQLException {
        String schema = "sw_test_" + Long.toHexString(System.nanoTime()) + "_" + (int) (Math.random() * 1e6);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new TestPostgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }

    /** The environment variables that point a node's postgres journal here. */
    Map<String, String> nodeEnv() {
        return Map.of("STATEWISE_JDBC_URL", url, "STATEWISE_JDBC_USER", user, "STATEWISE_JDBC_PASSWORD", password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null ? otherwise : v;
    }
}
