package io.statewise.persistence;

import java.util.Locale;

/**
 * The kinds of database a journal can live in, with the Slick profile and JDBC driver pekko-persistence-jdbc uses for
 * each. Both run the same plugin code; only the dialect and the schema script differ.
 */
public enum JournalProfile {
    /** H2: the embedded file under the node's data directory, or another node's file over H2's TCP server. */
    H2("h2", "slick.jdbc.H2Profile$", "org.h2.Driver", "jdbc:h2:"),
    /** PostgreSQL: one server every node of a cluster reaches. */
    POSTGRES("postgres", "slick.jdbc.PostgresProfile$", "org.postgresql.Driver", "jdbc:postgresql:");

    private final String configName;
    private final String slickProfile;
    private final String driver;
    private final String urlPrefix;

    JournalProfile(String configName, String slickProfile, String driver, String urlPrefix) {
        this.configName = configName;
        this.slickProfile = slickProfile;
        this.driver = driver;
        this.urlPrefix = urlPrefix;
    }

    /**
     * The profile named {@code name} in configuration or on the command line ({@code h2}, {@code postgres}; also
     * {@code postgresql}), ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static JournalProfile parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (JournalProfile p : values()) {
            if (p.configName.equals(n)) return p;
        }
        if (n.equals("postgresql")) return POSTGRES;
        throw new IllegalArgumentException("unknown journal profile '" + name + "': expected h2 or postgres");
    }

    /** The name used in configuration ({@code statewise.journal.profile}). */
    public String configName() {
        return configName;
    }

    /** The Slick profile class ({@code slick.profile}). */
    public String slickProfile() {
        return slickProfile;
    }

    /** The JDBC driver class. */
    public String driver() {
        return driver;
    }

    /** Whether {@code url} is a JDBC URL of this kind of database. */
    public boolean accepts(String url) {
        return url.startsWith(urlPrefix);
    }
}
