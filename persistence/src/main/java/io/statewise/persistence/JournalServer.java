package io.statewise.persistence;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.engine.SysProperties;
import org.h2.tools.Server;

/**
 * Serves a node's embedded H2 journal to the other nodes of a one-machine cluster over H2's TCP server (H2's "mixed
 * mode": the owner keeps its embedded connection, the others connect with {@link JournalDatabase#h2ServerUrl}).
 * Every session works on the owner's open database, so the owner's {@code WRITE_DELAY=0} makes every commit durable,
 * whoever made it. The database name is relative to the data directory ({@code -baseDir}), and remote sessions
 * cannot create new databases ({@code -ifExists}).
 *
 * <p>On a loopback host (the default, 127.0.0.1) only connections from this machine are accepted. On another host
 * H2 accepts remote connections ({@code -tcpAllowOthers}) and binds to that interface: H2 reads its bind address once
 * per JVM (system property {@code h2.bindAddress}), so it is set before H2's first use, and a conflicting address fixed
 * earlier in the same JVM is an error. H2 is not PostgreSQL: the serving node is a single point of failure for the
 * cluster's journal, and its user is H2's {@code sa} without password; use the {@code postgres} profile beyond one
 * machine.
 */
public final class JournalServer implements AutoCloseable {

    private final Server server;
    private final String host;

    private JournalServer(Server server, String host) {
        this.server = server;
        this.host = host;
    }

    /**
     * Starts serving the H2 database {@value JournalDatabase#H2_DATABASE} under {@code dataDirectory}.
     *
     * @param host the interface to bind; a loopback address accepts local connections only
     * @param port the TCP port; 0 picks a free one
     * @throws JournalUnavailableException if the port is taken or the interface cannot be used
     */
    public static JournalServer start(Path dataDirectory, String host, int port) {
        boolean loopback = isLoopback(host);
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("*");
        if (!wildcard && System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", host);
        String bound = SysProperties.BIND_ADDRESS;
        if (!loopback && !wildcard && !host.equals(bound)) {
            throw new JournalUnavailableException("cannot serve the H2 journal on " + host + ": H2 in this JVM is "
                    + "already bound to " + (bound == null ? "every interface" : bound)
                    + " (system property h2.bindAddress)", null);
        }
        List<String> args = new ArrayList<>(List.of("-tcpPort", Integer.toString(port), "-tcpDaemon", "-ifExists",
                "-baseDir", dataDirectory.toAbsolutePath().toString()));
        if (!loopback) args.add("-tcpAllowOthers");
        try {
            Server server = Server.createTcpServer(args.toArray(String[]::new)).start();
            return new JournalServer(server, wildcard ? "127.0.0.1" : host);
        } catch (SQLException e) {
            throw new JournalUnavailableException("cannot serve the H2 journal on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new JournalUnavailableException("cannot serve the H2 journal on unknown host " + host, e);
        }
    }

    /** The TCP port served. */
    public int port() {
        return server.getPort();
    }

    /** The JDBC URL other nodes use ({@code jdbc:h2:tcp://HOST:PORT/journal}). */
    public String url() {
        return JournalDatabase.h2ServerUrl(host, port());
    }

    /** Stops serving: open remote sessions are closed. */
    @Override
    public void close() {
        server.stop();
    }
}
