package io.statewise.actors.service;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** New job ids: a readable name, then 48 random bits, so that ids never collide across nodes or restarts. */
public final class JobIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private JobIds() {}

    /**
     * A new id {@code <name>-<12 hex digits>}, the name lower-cased and stripped to {@code [a-z0-9-]} (an id is part
     * of URLs and persistence ids); {@code job} if nothing of it is left.
     */
    public static String newId(String name) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        String prefix = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        return (prefix.isEmpty() ? "job" : prefix) + "-" + HexFormat.of().formatHex(bytes);
    }
}
