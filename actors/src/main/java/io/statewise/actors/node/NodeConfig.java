package io.statewise.actors.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.statewise.persistence.JournalDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a node's configuration: the settings from the command line layered over {@code statewise-node.conf} (module
 * cluster-config) before resolution, so that {@code ${statewise.node.*}} substitutions see them.
 */
public final class NodeConfig {

    /** The actor system name every node of a cluster shares. */
    public static final String SYSTEM_NAME = "statewise";

    private NodeConfig() {}

    /** The resolved configuration of a node with {@code settings}, with {@code extra} taking precedence. */
    public static Config load(NodeSettings settings, Config extra) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("statewise.node.host", settings.host());
        overrides.put("statewise.node.port", settings.port());
        overrides.put("statewise.node.journal-url",
                settings.journalUrl().orElseGet(() -> JournalDatabase.h2FileUrl(settings.dataDirectory())));
        List<String> seeds = new ArrayList<>();
        for (String seed : settings.seeds()) seeds.add(seedAddress(seed));
        Config layered = extra
                .withFallback(ConfigFactory.parseMap(overrides))
                .withValue("statewise.node.seed-nodes", ConfigValueFactory.fromIterable(seeds))
                .withFallback(ConfigFactory.parseResourcesAnySyntax("statewise-node"));
        return ConfigFactory.load(layered);
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
