package io.statewise.ops.cli;

import com.typesafe.config.ConfigFactory;
import io.statewise.persistence.JournalProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which journal database a command uses: the options shared by {@code statewise node} and {@code statewise replay}. */
final class JournalOptions {
    @Option(names = "--journal", paramLabel = "PROFILE",
            description = {"Journal database: h2 or postgres (default: statewise.journal.profile, "
                    + "env STATEWISE_JOURNAL_PROFILE, else h2).",
                    "postgres takes its URL, user and password from --journal-url / --journal-user or "
                            + "STATEWISE_JDBC_URL, STATEWISE_JDBC_USER, STATEWISE_JDBC_PASSWORD."})
    String profile;
    @Option(names = "--journal-url", paramLabel = "JDBC-URL",
            description = {"JDBC URL of the journal (default: env STATEWISE_JDBC_URL, else the embedded H2 file "
                    + "DIR/journal.mv.db).",
                    "Another node's served H2 journal: jdbc:h2:tcp://HOST:PORT/journal; PostgreSQL: "
                            + "jdbc:postgresql://HOST:PORT/DATABASE."})
    String url;
    @Option(names = "--journal-user", paramLabel = "USER",
            description = "Database user of the journal (default: env STATEWISE_JDBC_USER). The password comes from "
                    + "STATEWISE_JDBC_PASSWORD or statewise.journal.password, never from the command line.")
    String user;

    /** The URL given on the command line, if any. */
    Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The profile and user as configuration keys ({@code statewise.journal.*}); the URL goes to the node settings. */
    Map<String, Object> configKeys() {
        Map<String, Object> keys = new HashMap<>();
        if (profile != null) {
            try {
                keys.put("statewise.journal.profile", JournalProfile.parse(profile).configName());
            } catch (IllegalArgumentException e) {
                throw CliException.usage("bad --journal: " + e.getMessage());
            }
        }
        if (user != null) keys.put("statewise.journal.user", user);
        return keys;
    }

    /** {@link #configKeys()} as configuration. */
    com.typesafe.config.Config config() {
        return ConfigFactory.parseMap(configKeys());
    }
}
