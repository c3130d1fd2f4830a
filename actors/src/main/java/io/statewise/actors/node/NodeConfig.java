package io.statewise.actors.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.statewise.persistence.JournalConnection;
import io.statewise.persistence.JournalProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a node's configuration: the settings from the command line layered over {@code statewise-node.conf} (module
 * cluster-config) before resolution, so that {@code ${statewise.node.*}} substitutions see them. The journal
 * ({@code statewise.journal.*}: profile, URL, credentials, or the environment variables
 * {@code STATEWISE_JOURNAL_PROFILE}, {@code STATEWISE_JDBC_URL}, {@code STATEWISE_JDBC_USER},
 * {@code STATEWISE_JDBC_PASSWORD}) is resolved first, then written into the {@code slick} block every journal plugin
 * copies.
 */
public final class NodeConfig {

    /** The actor system name every node of a cluster shares. */
    public static final String SYSTEM_NAME = "statewise";

    /**
     * Where a node serves its embedded H2 journal to other nodes ({@code statewise.journal.serve}).
     *
     * @param host interface to bind
     * @param port TCP port; 0 picks a free one
     */
    public record JournalServe(String host, int port) {}

    private NodeConfig() {}

    /**
     * Extra configuration that pins a node to its own embedded H2 file whatever the environment says
     * ({@code STATEWISE_JDBC_URL} and friends are meant for cluster nodes, not for {@code statewise train}).
     */
    public static Config embeddedJournal() {
        return ConfigFactory.parseMap(Map.of("statewise.journal.profile", "h2", "statewise.journal.url", "",
                "statewise.journal.user", "", "statewise.journal.password", "",
                "statewise.journal.serve.enabled", false));
    }

    /**
     * The resolved configuration of a node with {@code settings}, with {@code extra} taking precedence.
     *
     * @throws IllegalArgumentException if the journal or role settings are inconsistent (say which key)
     */
    public static Config load(NodeSettings settings, Config extra) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("statewise.node.host", settings.host());
        overrides.put("statewise.node.port", settings.port());
        settings.journalUrl().ifPresent(url -> overrides.put("statewise.journal.url", url));
        List<String> seeds = new ArrayList<>();
        for (String seed : settings.seeds()) seeds.add(seedAddress(seed));
        Config layered = extra
                .withFallback(ConfigFactory.parseMap(overrides))
                .withValue("statewise.node.seed-nodes", ConfigValueFactory.fromIterable(seeds))
                .withFallback(ConfigFactory.parseResourcesAnySyntax("statewise-node"));
        JournalConnection journal = journal(ConfigFactory.load(layered), settings.dataDirectory());
        Map<String, Object> slick = new HashMap<>();
        slick.put("slick.profile", journal.profile().slickProfile());
        slick.put("slick.db.driver", journal.profile().driver());
        slick.put("slick.db.url", journal.url());
        slick.put("slick.db.user", journal.user());
        slick.put("slick.db.password", journal.password());
        NodeRoles roles = NodeRoles.from(ConfigFactory.load(layered));
        return ConfigFactory.load(extra.withFallback(ConfigFactory.parseMap(slick))
                .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(roles.clusterRoles()))
                .withFallback(layered));
    }

    /**
     * The journal connection that {@code config} ({@code statewise.journal.*}) describes; an empty H2 URL is the
     * embedded file under {@code dataDirectory}.
     */
    public static JournalConnection journal(Config config, Path dataDirectory) {
        Config j = config.getConfig("statewise.journal");
        JournalProfile profile;
        try {
            profile = JournalProfile.parse(j.getString("profile"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("statewise.journal.profile: " + e.getMessage(), e);
        }
        return JournalConnection.of(profile, j.getString("url"), j.getString("user"), j.getString("password"),
                dataDirectory);
    }

    /**
     * Where to serve the embedded H2 journal, if {@code statewise.journal.serve.enabled}.
     *
     * @throws IllegalArgumentException if this node's journal is not its own embedded H2 file
     */
    public static Optional<JournalServe> journalServe(Config config, JournalConnection journal) {
        Config s = config.getConfig("statewise.journal.serve");
        if (!s.getBoolean("enabled")) return Optional.empty();
        if (journal.profile() != JournalProfile.H2 || !journal.url().startsWith("jdbc:h2:file:")) {
            throw new IllegalArgumentException("statewise.journal.serve (--serve-journal) serves this node's embedded "
                    + "H2 file, but its journal is " + journal.displayUrl());
        }
        int port = s.getInt("port");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("statewise.journal.serve.port must be 0..65535, got " + port);
        }
        return Optional.of(new JournalServe(s.getString("host"), port));
    }

    /**
     * The cluster address of a seed given as {@code host:port} (or already as a full {@code pekko://} address).
     *
     * @throws IllegalArgumentException if it is neither
     */
    public static String seedAddress(String seed) {
        if (seed.startsWith("pekko://")) return seed;
        int colon = seed.lastIndexOf(':');
        if (colon <= 0 || colon == seed.length() - 1) {
            throw new IllegalArgumentException("seed must be HOST:PORT, got '" + seed + "'");
        }
        try {
            int port = Integer.parseInt(seed.substring(colon + 1));
            if (port < 1 || port > 65535) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed port must be 1..65535, got '" + seed + "'");
        }
        return "pekko://" + SYSTEM_NAME + "@" + seed;
    }
}
