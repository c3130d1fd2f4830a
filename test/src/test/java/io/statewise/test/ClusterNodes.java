package io.statewise.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster of node JVMs on 127.0.0.1 sharing one H2 journal: the first node owns the file and serves it over TCP, the
 * others join it as seed and use its journal. Each node offers one worker slot, so {@code parallelism: auto} counts
 * worker nodes. With H2 the owner is the journal: tests never kill it (PostgreSQL is the production answer).
 */
final class ClusterNodes {

    private static final String LOG_TIME = "2026-01-01 00:00:00,000";
    private static final DateTimeFormatter LOG_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final Nodes nodes;
    private final Path dir;
    private final Map<String, String> env;
    private NodeProcess owner;

    /**
     * @param nodes where started nodes are kept (killed after the test)
     * @param dir   parent of the nodes' data directories
     * @param env   environment of every node (e.g. {@code STATEWISE_JOB_ROLE}: it must be the same on all)
     */
    ClusterNodes(Nodes nodes, Path dir, Map<String, String> env) {
        this.nodes = nodes;
        this.dir = dir;
        this.env = new HashMap<>(env);
    }

    /** Starts the first node, which serves the journal; {@code roles} as for {@code --roles}. */
    NodeProcess startOwner(String roles) throws IOException {
        owner = nodes.start(dir.resolve("owner"), env, "--serve-journal", "127.0.0.1:0", "--roles", roles,
                "--worker-slots", "1");
        return owner;
    }

    /** Starts a node named {@code name} that joins the owner's cluster and journal. */
    NodeProcess join(String name, String roles) throws IOException {
        return join(name, roles, Map.of());
    }

    /** Starts a node named {@code name} with {@code args} (further {@code statewise node} options) too. */
    NodeProcess join(String name, String roles, Map<String, String> extraEnv, String... args) throws IOException {
        Map<String, String> nodeEnv = new HashMap<>(env);
        nodeEnv.putAll(extraEnv);
        List<String> all = new ArrayList<>(List.of("--seed", "127.0.0.1:" + owner.clusterPort(), "--journal-url",
                owner.servedJournalUrl(), "--roles", roles, "--worker-slots", "1"));
        all.addAll(List.of(args));
        return nodes.start(dir.resolve(name), nodeEnv, all.toArray(String[]::new));
    }

    /** The owner and two members of a three-node cluster. */
    record Three(NodeProcess owner, NodeProcess b, NodeProcess c) {}

    /** Starts the owner with {@code ownerRoles}, then members b and c with {@code memberRoles}. */
    Three startThree(String ownerRoles, String memberRoles) throws IOException {
        NodeProcess first = startOwner(ownerRoles);
        return new Three(first, join("b", memberRoles), join("c", memberRoles));
    }

    /**
     * How long after {@code since} the node {@code name} first logged a line containing {@code text} (its log's ISO
     * timestamps are in this machine's zone); fails if it never did.
     */
    Duration loggedAfter(String name, String text, Instant since) throws IOException {
        Path log = dir.resolve(name).resolve("logs").resolve("statewise.log");
        for (String line : Files.readAllLines(log)) {
            if (line.contains(text) && line.length() > LOG_TIME.length()) {
                Instant at = LocalDateTime.parse(line.substring(0, LOG_TIME.length()), LOG_TIME_FORMAT)
                        .atZone(ZoneId.systemDefault()).toInstant();
                if (!at.isBefore(since.minusSeconds(1))) return Duration.between(since, at);
            }
        }
        throw new AssertionError(name + " never logged '" + text + "' after " + since);
    }

    /** Splits of the job merged from work done on {@code node}, as its status counts them. */
    static long splitsOn(JsonNode status, NodeProcess node) {
        return status.path("splits_by_node").path(node.address()).asLong();
    }

    /** A job status without its per-epoch reports (for assertion messages). */
    static String brief(JsonNode status) {
        return status.isObject() ? ((ObjectNode) status.deepCopy()).without("epochs_completed").toString()
                : status.toString();
    }

    /** Splits of the job merged in all, over every node. */
    static long splitsMerged(JsonNode status) {
        long sum = 0;
        for (JsonNode count : status.path("splits_by_node")) sum += count.asLong();
        return sum;
    }

    /** Polls the job's status through {@code api} until {@code node} merged at least {@code splits} of its splits. */
    static JsonNode awaitSplitsOn(NodeProcess api, String jobId, NodeProcess node, long splits, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status;
        do {
            status = api.http().get("/v1/jobs/" + jobId).body();
            if (splitsOn(status, node) >= splits) return status;
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(node.address() + " never merged " + splits + " splits: " + brief(status));
    }

    /** The member of {@code candidates} that hosts job entities, as {@code /v1/cluster} on {@code api} shows. */
    static NodeProcess jobHost(NodeProcess api, Duration timeout, NodeProcess... candidates)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode cluster;
        do {
            cluster = api.http().get("/v1/cluster").body();
            for (JsonNode member : cluster.path("members")) {
                for (NodeProcess c : candidates) {
                    if (member.path("address").asText().equals(c.address()) && member.path("jobs").asInt() > 0) {
                        return c;
                    }
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no candidate hosts a job: " + cluster);
    }
}
