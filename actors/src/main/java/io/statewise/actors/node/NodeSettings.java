package io.statewise.actors.node;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to start a node.
 *
 * @param dataDirectory where the embedded H2 journal and the logs live
 * @param host          cluster host name or address (Artery canonical hostname)
 * @param port          cluster port; 0 picks a free one
 * @param seeds         seed nodes as {@code host:port}; empty means this node forms a new cluster by itself
 * @param journalUrl    JDBC URL of the journal; empty means embedded H2 under {@code dataDirectory}
 */
public record NodeSettings(Path dataDirectory, String host, int port, List<String> seeds,
                           Optional<String> journalUrl) {
    public NodeSettings {
        seeds = List.copyOf(seeds);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }

    /** A single node on 127.0.0.1 with a free cluster port and H2 under {@code dataDirectory}. */
    public static NodeSettings standalone(Path dataDirectory) {
        return new NodeSettings(dataDirectory, "127.0.0.1", 0, List.of(), Optional.empty());
    }
}
