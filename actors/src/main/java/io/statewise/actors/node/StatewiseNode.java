package io.statewise.actors.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.statewise.actors.job.JobSettings;
import io.statewise.actors.job.TrainingJob;
import io.statewise.actors.service.JobService;
import io.statewise.actors.service.ShardedJobService;
import io.statewise.actors.worker.ShardedWorkerPool;
import io.statewise.actors.worker.Worker;
import io.statewise.persistence.JournalDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A running Statewise node: an actor system in a Pekko cluster, with the job and worker entity types registered in
 * Cluster Sharding and the journal on H2 (or the configured database). Jobs that were unfinished when the journal was
 * last used resume as soon as the node is up.
 */
public final class StatewiseNode implements AutoCloseable {

    private static final Duration UP_TIMEOUT = Duration.ofSeconds(60);

    private final ActorSystem<Void> system;
    private final ShardedJobService jobService;

    private StatewiseNode(ActorSystem<Void> system, ShardedJobService jobService) {
        this.system = system;
        this.jobService = jobService;
    }

    /** Starts a node and blocks until it is Up in its cluster and ready for jobs. */
    public static StatewiseNode start(NodeSettings settings) {
        return start(settings, ConfigFactory.empty());
    }

    /**
     * Starts a node with extra configuration (taking precedence) and blocks until it is Up and ready.
     *
     * @throws IllegalStateException if the journal cannot be opened or the node does not join in time
     */
    public static StatewiseNode start(NodeSettings settings, Config extra) {
        try {
            Files.createDirectories(settings.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + settings.dataDirectory(), e);
        }
        Config config = NodeConfig.load(settings, extra);
        String journalUrl = config.getString("statewise.node.journal-url");
        if (journalUrl.startsWith("jdbc:h2:")) {
            try {
                JournalDatabase.verify(journalUrl);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open the journal database (is another node using "
                        + settings.dataDirectory() + "?): " + e.getMessage(), e);
            }
        }
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), NodeConfig.SYSTEM_NAME, config);
        try {
            Cluster cluster = Cluster.get(system);
            if (settings.seeds().isEmpty()) cluster.manager().tell(Join.create(cluster.selfMember().address()));
            awaitUp(cluster);
            JobSettings jobSettings = JobSettings.from(config);
            TrainingJob.init(system, jobSettings, new ShardedWorkerPool(system), Clock.systemUTC());
            Worker.init(system, jobSettings);
            ShardedJobService service = new ShardedJobService(system, jobSettings);
            service.resumeAll().toCompletableFuture().get(UP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            NodeReadiness.check(system, service, UP_TIMEOUT);
            return new StatewiseNode(system, service);
        } catch (Exception e) {
            system.terminate();
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

    /** The runtime API. */
    public JobService jobService() {
        return jobService;
    }

    /** The node's actor system (for binding HTTP). */
    public ActorSystem<Void> system() {
        return system;
    }

    /** Leaves the cluster and stops the node; blocks until it has terminated. */
    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("node did not stop within 60 s", e);
        }
    }
}
