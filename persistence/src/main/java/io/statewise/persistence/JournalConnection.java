package io.statewise.persistence;

import java.nio.file.Path;

/**
 * How a node reaches its journal: the profile, the JDBC URL and the credentials, with the defaults filled in.
 *
 * @param profile  the kind of database
 * @param url      the JDBC URL
 * @param user     the database user
 * @param password the password ({@link #toString()} never shows it)
 */
public record JournalConnection(JournalProfile profile, String url, String user, String password) {

    /** The H2 user of the embedded journal (the user that created the file owns it). */
    public static final String H2_USER = "sa";

    /**
     * The connection for the given settings, with defaults: an empty {@code url} with the H2 profile is the embedded
     * file under {@code dataDirectory}; an empty {@code user} with H2 is {@value #H2_USER}.
     *
     * @throws IllegalArgumentException if the PostgreSQL profile has no URL, or the URL is of another kind of database
     */
    public static JournalConnection of(JournalProfile profile, String url, String user, String password,
                                       Path dataDirectory) {
        String u = url.trim();
        if (u.isEmpty()) {
            if (profile == JournalProfile.POSTGRES) {
                throw new IllegalArgumentException("the postgres journal needs a JDBC URL "
                        + "(jdbc:postgresql://HOST:PORT/DATABASE): set statewise.journal.url, the environment "
                        + "variable STATEWISE_JDBC_URL, or --journal-url");
            }
            u = JournalDatabase.h2FileUrl(dataDirectory);
        }
        if (!profile.accepts(u)) {
            throw new IllegalArgumentException("journal URL " + redact(u) + " does not fit the journal profile '"
                    + profile.configName() + "' (statewise.journal.profile, --journal): "
                    + (profile == JournalProfile.H2 ? "use --journal postgres for PostgreSQL"
                            : "a PostgreSQL URL starts with jdbc:postgresql://"));
        }
        String usr = user.isBlank() && profile == JournalProfile.H2 ? H2_USER : user.trim();
        return new JournalConnection(profile, u, usr, password);
    }

    /** The URL without the parts that may hold secrets or long settings (H2's {@code ;...}, a query string). */
    public String displayUrl() {
        return redact(url);
    }

    /** Whether this is an H2 database reached over H2's TCP server. */
    public boolean isH2Server() {
        return profile == JournalProfile.H2 && (url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:"));
    }

    static String redact(String url) {
        int cut = url.length();
        int semicolon = url.indexOf(';');
        int query = url.indexOf('?');
        if (semicolon >= 0) cut = semicolon;
        if (query >= 0) cut = Math.min(cut, query);
        return url.substring(0, cut);
    }

    @Override
    public String toString() {
        return "JournalConnection[" + profile.configName() + " " + displayUrl() + " as " + user + "]";
    }
}
