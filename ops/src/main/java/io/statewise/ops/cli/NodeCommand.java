package io.statewise.ops.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.ops.http.ApiRoutes;
import io.statewise.ops.http.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code statewise node}: runs a cluster node with the HTTP API until SIGTERM or SIGINT. */
@Command(name = "node", description = {"Runs a cluster node with the HTTP API.",
        "Prints one line when the node and its API are up, and runs until SIGTERM or SIGINT, then leaves the cluster "
                + "gracefully. Logs go to DIR/logs/statewise.log."})
final class NodeCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "statewise-data",
            description = "Journal (embedded H2) and logs (default: ${DEFAULT-VALUE} in the working directory).")
    Path dataDirectory;
    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Interface of the HTTP API (default: ${DEFAULT-VALUE}).")
    String httpHost;
    @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080",
            description = "Port of the HTTP API, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int httpPort;
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Cluster host name or address that other nodes reach (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", paramLabel = "N", defaultValue = "2551",
            description = "Cluster port, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--seed", paramLabel = "HOST:PORT",
            description = "A seed node to join; repeatable (default: none, this node forms a new cluster).")
    List<String> seeds = new ArrayList<>();
    @Mixin JournalOptions journal;
    @Option(names = "--serve-journal", paramLabel = "[HOST:]PORT",
            description = "Serve this node's embedded H2 journal to other nodes on this machine over H2's TCP "
                    + "server (HOST default 127.0.0.1; PORT 0 picks a free one). They start with "
                    + "--journal-url jdbc:h2:tcp://HOST:PORT/journal.")
    String serveJournal;
    @Option(names = "--roles", paramLabel = "ROLE[,ROLE]", split = ",",
            description = {"What the node does: worker (hosts worker slots), api (serves HTTP), and any role named "
                    + "by statewise.node.job-role (default: statewise.node.roles, env STATEWISE_NODE_ROLES, else "
                    + "worker,api)."})
    List<String> roles;
    @Option(names = "--worker-slots", paramLabel = "N|auto",
            description = "Worker slots this node offers to jobs with parallelism auto (default: "
                    + "statewise.node.worker-slots, env STATEWISE_WORKER_SLOTS, else auto = its cores).")
    String workerSlots;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        seeds.forEach(NodeCommand::checkSeed);
        Config journalConfig = journalConfig().withFallback(rolesConfig());
        Path dataDir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        LogFile.configure(dataDir);
        StatewiseNode node = StatewiseNode.start(
                new NodeSettings(dataDir, host, port, seeds, journal.url()), journalConfig);
        AtomicBoolean signalled = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            signalled.set(true);
            node.close();
        }, "statewise-shutdown"));
        // Only api nodes serve HTTP; the others work for the cluster without a port of their own.
        String httpPart = "no HTTP";
        if (node.roles().api()) {
            InetSocketAddress http = bindHttp(node);
            httpPart = "HTTP http://" + http.getHostString() + ":" + http.getPort();
        }
        spec.commandLine().getOut().println("Statewise node up: cluster " + clusterAddress(node) + ", " + httpPart
                + ", roles " + String.join(",", node.roles().roles())
                + node.journalServerUrl().map(url -> ", journal served at " + url).orElse(""));
        spec.commandLine().getOut().flush();
        node.system().getWhenTerminated().toCompletableFuture().join();
        if (!signalled.get()) throw CliException.failure("the node stopped (it left or was removed from the cluster)");
        return ExitCodes.OK;
    }

    /** The journal options as configuration keys ({@code statewise.journal.*}), over the file and environment. */
    Config journalConfig() {
        Map<String, Object> keys = journal.configKeys();
        if (serveJournal != null) {
            int colon = serveJournal.lastIndexOf(':');
            String serveHost = colon < 0 ? "127.0.0.1" : serveJournal.substring(0, colon);
            String servePort = serveJournal.substring(colon + 1);
            if (!servePort.matches("\\d{1,5}") || Integer.parseInt(servePort) > 65535 || serveHost.isEmpty()) {
                throw CliException.usage("bad --serve-journal '" + serveJournal + "': expected [HOST:]PORT");
            }
            keys.put("statewise.journal.serve.enabled", true);
            keys.put("statewise.journal.serve.host", serveHost);
            keys.put("statewise.journal.serve.port", Integer.parseInt(servePort));
        }
        return ConfigFactory.parseMap(keys);
    }

    /** The role options as configuration keys ({@code statewise.node.*}), over the file and environment. */
    Config rolesConfig() {
        Map<String, Object> keys = new HashMap<>();
        if (roles != null) keys.put("statewise.node.roles", roles);
        if (workerSlots != null) {
            if (!workerSlots.equals("auto") && !workerSlots.matches("[1-9]\\d{0,4}")) {
                throw CliException.usage("bad --worker-slots '" + workerSlots + "': expected a number >= 1 or auto");
            }
            keys.put("statewise.node.worker-slots", workerSlots);
        }
        return ConfigFactory.parseMap(keys);
    }

    private InetSocketAddress bindHttp(StatewiseNode node) throws InterruptedException {
        try {
            return HttpServer.start(node.system(), ApiRoutes.create(node), httpHost, httpPort)
                    .toCompletableFuture().get();
        } catch (ExecutionException e) {
            node.close();
            throw CliException.failure("cannot serve HTTP on " + httpHost + ":" + httpPort + ": "
                    + e.getCause().getMessage());
        }
    }

    private static String clusterAddress(StatewiseNode node) {
        Address address = node.system().address();
        return address.getHost().orElse("?") + ":" + address.getPort().map(String::valueOf).orElse("?");
    }

    private static void checkSeed(String seed) {
        int colon = seed.lastIndexOf(':');
        if (colon <= 0 || !seed.substring(colon + 1).matches("\\d{1,5}")) {
            throw CliException.usage("bad --seed '" + seed + "': expected HOST:PORT");
        }
    }
}
