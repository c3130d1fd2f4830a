package io.statewise.actors.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.statewise.actors.job.JobSettings;
import io.statewise.actors.job.TrainingJob;
import io.statewise.actors.service.JobService;
import io.statewise.actors.service.ShardedJobService;
import io.statewise.actors.tuningjob.ChildJobs;
import io.statewise.actors.tuningjob.TuningJob;
import io.statewise.actors.tuningjob.TuningService;
import io.statewise.actors.tuningjob.TuningSettings;
import io.statewise.actors.worker.ShardedWorkerPool;
import io.statewise.actors.worker.SplitCacheSettings;
import io.statewise.actors.worker.Worker;
import io.statewise.algorithms.data.SplitCache;
import io.statewise.persistence.JournalConnection;
import io.statewise.persistence.JournalDatabase;
import io.statewise.persistence.JournalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A running Statewise node: an actor system in a Pekko cluster, with the job and worker entity types registered in
 * Cluster Sharding and the journal on H2 (or the configured database: {@code statewise.journal}). Jobs that were
 * unfinished when the journal was last used resume as soon as the node is up. A node may serve its embedded H2 journal
 * to the other nodes of a one-machine cluster ({@code statewise.journal.serve}).
 */
public final class StatewiseNode implements AutoCloseable {

    private static final Duration UP_TIMEOUT = Duration.ofSeconds(60);

    private final ActorSystem<Void> system;
    private final ShardedJobService jobService;
    private final TuningService tuningService;
    private final JournalConnection journal;
    private final Optional<JournalServer> journalServer;
    private final NodeRoles roles;

    private StatewiseNode(ActorSystem<Void> system, ShardedJobService jobService, TuningService tuningService,
                          JournalConnection journal, Optional<JournalServer> journalServer, NodeRoles roles) {
        this.tuningService = tuningService;
        this.roles = roles;
        this.system = system;
        this.jobService = jobService;
        this.journal = journal;
        this.journalServer = journalServer;
    }

    /** Starts a node and blocks until it is Up in its cluster and ready for jobs. */
    public static StatewiseNode start(NodeSettings settings) {
        return start(settings, ConfigFactory.empty());
    }

    /**
     * Starts a node with extra configuration (taking precedence) and blocks until it is Up and ready.
     *
     * @throws IllegalArgumentException if the journal settings are inconsistent
     * @throws io.statewise.persistence.JournalUnavailableException if the journal cannot be reached or prepared
     *         (the message names the database and the cause), or its H2 file cannot be served
     * @throws IllegalStateException if the node does not join in time or fails its readiness check
     */
    public static StatewiseNode start(NodeSettings settings, Config extra) {
        try {
            Files.createDirectories(settings.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + settings.dataDirectory(), e);
        }
        Config config = NodeConfig.load(settings, extra);
        JournalConnection journal = NodeConfig.journal(config, settings.dataDirectory());
        Optional<NodeConfig.JournalServe> serve = NodeConfig.journalServe(config, journal);
        // The server starts first: H2 reads its bind address once per JVM, at its first use.
        Optional<JournalServer> server = serve.map(s -> JournalServer.start(settings.dataDirectory(), s.host(),
                s.port()));
        ActorSystem<Void> system;
        try {
            JournalDatabase.prepare(journal);
            system = ActorSystem.create(Behaviors.empty(), NodeConfig.SYSTEM_NAME, config);
        } catch (RuntimeException e) {
            server.ifPresent(JournalServer::close);
            throw e;
        }
        try {
            Cluster cluster = Cluster.get(system);
            if (settings.seeds().isEmpty()) cluster.manager().tell(Join.create(cluster.selfMember().address()));
            awaitUp(cluster);
            JobSettings jobSettings = JobSettings.from(config);
            // One cache per node, shared by its workers and by the validation scoring of the jobs it hosts.
            Optional<SplitCache> splitCache = SplitCacheSettings.from(config, settings.dataDirectory()).cache();
            NodeRoles roles = NodeRoles.from(config);
            // Sharding allocates each entity type only to nodes with its role; the others reach them by proxy.
            TrainingJob.init(system, jobSettings, new ShardedWorkerPool(system), Clock.systemUTC(), splitCache,
                    roles.jobRole());
            Worker.init(system, jobSettings, splitCache);
            ShardedJobService service = new ShardedJobService(system, jobSettings);
            service.resumeAll().toCompletableFuture().get(UP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            TuningJob.init(system, ChildJobs.of(service), TuningSettings.from(config), Clock.systemUTC());
            TuningService tuning = new TuningService(system, jobSettings, service);
            tuning.resumeAll().toCompletableFuture().get(UP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            NodeReadiness.check(system, service, roles.hostsJobs(), UP_TIMEOUT);
            return new StatewiseNode(system, service, tuning, journal, server, roles);
        } catch (Exception e) {
            system.terminate();
            awaitTermination(system);
            server.ifPresent(JournalServer::close);
            throw new IllegalStateException("node failed to start: " + e.getMessage(), e);
        }
    }

    private static void awaitUp(Cluster cluster) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
        while (cluster.selfMember().status() != MemberStatus.up()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("node did not join its cluster within " + UP_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /** What this node does in its cluster (whether it hosts workers, serves the API). */
    public NodeRoles roles() {
        return roles;
    }

    /** The runtime API. */
    public JobService jobService() {
        return jobService;
    }

    /** The runtime API of tuning jobs. */
    public TuningService tuningService() {
        return tuningService;
    }

    /** The cluster's members and what each hosts ({@code GET /v1/cluster}). */
    public ClusterStatus clusterStatus() {
        return new ClusterStatus(system);
    }

    /** The node's actor system (for binding HTTP). */
    public ActorSystem<Void> system() {
        return system;
    }

    /** The journal this node uses. */
    public JournalConnection journal() {
        return journal;
    }

    /** The JDBC URL under which this node serves its H2 journal to other nodes, if it does. */
    public Optional<String> journalServerUrl() {
        return journalServer.map(JournalServer::url);
    }

    /**
     * Leaves the cluster and stops the node; blocks until it has terminated. A served journal stops last, after the
     * node's own writes.
     */
    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("node did not stop within 60 s", e);
        } finally {
            journalServer.ifPresent(JournalServer::close);
        }
    }

    private static void awaitTermination(ActorSystem<?> system) {
        try {
            system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // best effort: the start already failed
        }
    }
}
