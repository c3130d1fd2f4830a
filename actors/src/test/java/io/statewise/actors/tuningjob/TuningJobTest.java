package io.statewise.actors.tuningjob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.testing.PersistenceTestKits;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.algorithms.search.Objective;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.ShardRegion.CurrentShardRegionState;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The tuning entity over stub children (the persistence testkit also checks that its commands, events and state
 * serialize): successive halving's rungs, promotions and continuations within the concurrency limit, recovery
 * after a restart mid-rung without starting a child twice, and an unknown id's entity passivated under sharding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TuningJobTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int CONFIGURATIONS = 9;
    /** The configuration whose children score best (the stub's metric is lowest there). */
    private static final int BEST = 4;

    private ActorTestKit testKit;

    @BeforeAll
    void startTestKit() {
        testKit = ActorTestKit.create(PersistenceTestKits.config());
    }

    @AfterAll
    void stopTestKit() {
        testKit.shutdownTestKit();
    }

    private static TuningSpec spec(int maxParallel) {
        return new TuningSpec("linear-learner", Map.of("predictor_type", "regressor"),
                TuningSpec.Strategy.SUCCESSIVE_HALVING, CONFIGURATIONS, 3, 1, 9,
                new Objective("validation_mse", Objective.Goal.MINIMIZE), maxParallel, 1,
                DataInput.csv("train.csv"), DataInput.csv("validation.csv"), Optional.empty(), 1, 0, 0);
    }

    private static List<Map<String, String>> configurations() {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < CONFIGURATIONS; i++) out.add(Map.of("learning_rate", "0.0" + (i + 1)));
        return out;
    }

    private EventSourcedBehaviorTestKit<TuningJob.Command, TuningEvent, TuningState> tuning(String id,
                                                                                         StubChildren children) {
        return EventSourcedBehaviorTestKit.create(testKit.system(), TuningJob.create(id,
                PersistenceId.of(TuningJob.TYPE_KEY.name(), id), children, new TuningSettings(Duration.ofMillis(20)),
                testKit.<ClusterSharding.ShardCommand>createTestProbe().getRef(), CLOCK));
    }

    private static TuningStatus start(EventSourcedBehaviorTestKit<TuningJob.Command, TuningEvent, TuningState> kit,
                                      String id, int maxParallel) {
        var result = kit.<StatusReply<TuningStatus>>runCommand(r -> new TuningJob.Start(id, spec(maxParallel),
                configurations(), r));
        assertTrue(result.reply().isSuccess());
        return result.reply().getValue();
    }

    private TuningStatus awaitFinished(EventSourcedBehaviorTestKit<TuningJob.Command, TuningEvent, TuningState> kit) {
        return testKit.<String>createTestProbe().awaitAssert(WAIT, () -> {
            TuningState s = kit.getState();
            assertTrue(s instanceof TuningState.Finished, "finished");
            return TuningStatus.of(s);
        });
    }

    @Test
    void halvingPromotesTheBestThirdAndContinuesThemFromTheirChildren() {
        StubChildren children = new StubChildren(true);
        var kit = tuning("sh", children);
        TuningStatus started = start(kit, "sh", 2);
        assertEquals(TuningStatus.Phase.RUNNING, started.phase());
        TuningStatus done = awaitFinished(kit);

        assertEquals(TuningStatus.Phase.COMPLETED, done.phase());
        assertEquals(9 + 3 + 1, done.children().size(), "rungs of 9, 3 and 1 children");
        assertEquals(List.of(9, 3, 1), done.rungs().stream().map(TuningStatus.RungView::finished).toList());
        assertEquals(List.of(1, 3, 9), done.rungs().stream().map(TuningStatus.RungView::epochs).toList());
        Set<Integer> secondRung = Set.copyOf(done.children().stream().filter(c -> c.rung() == 1)
                .map(TuningStatus.ChildView::configuration).toList());
        assertEquals(Set.of(3, 4, 5), secondRung, "the three lowest metrics go on");
        for (TuningStatus.ChildView c : done.children()) {
            if (c.rung() == 0) {
                assertEquals(Optional.empty(), c.continues());
            } else {
                assertEquals(Optional.of(TuningProgress.childId("sh", c.configuration(), c.rung() - 1)),
                        c.continues(), "a promoted child continues its previous one");
                JobSpec submitted = children.submitted.get(c.jobId());
                assertEquals(c.continues(), submitted.base());
                assertEquals(Integer.toString(c.epochs()), submitted.hyperParameters().get("epochs"));
            }
        }
        assertEquals(TuningProgress.childId("sh", BEST, 2), done.best().orElseThrow().jobId());
        assertEquals(Map.of("learning_rate", "0.05"), done.best().get().hyperParameters());
        assertEquals(2, children.mostRunning, "two children at once, never more");
        // Nine children of 1 epoch, three of 3 and one of 9, at 100 records an epoch as the stub reports them.
        assertEquals(100L * (9 * 1 + 3 * 3 + 1 * 9), done.totalCost());
    }

    @Test
    void aRestartMidRungFindsItsChildrenAndSubmitsOnlyTheOnesNeverSubmitted() {
        StubChildren children = new StubChildren(false);
        // The first submission of the second child is lost (as if the node died before it reached the job).
        children.lost.add(TuningProgress.childId("restart", 1, 0));
        var kit = tuning("restart", children);
        start(kit, "restart", 2);
        testKit.createTestProbe().awaitAssert(WAIT, () -> {
            assertEquals(2, ((TuningState.Running) kit.getState()).children().size());
            assertEquals(2, Set.copyOf(children.submissions).size(), "both submissions were tried");
            return null;
        });

        var restarted = kit.restart();
        assertEquals(2, ((TuningState.Running) restarted.state()).children().size(), "children named before");
        testKit.createTestProbe().awaitAssert(WAIT, () -> {
            assertEquals(2, children.submitted.size(), "the lost child is found missing and submitted again");
            return null;
        });
        children.autoComplete = true;
        TuningStatus done = awaitFinished(kit);
        assertEquals(TuningProgress.childId("restart", BEST, 2), done.best().orElseThrow().jobId());
        assertEquals(13, children.submitted.size());
        assertEquals(13 + 1, children.submissions.size(), "each child submitted once, the lost one twice");
    }

    @Test
    void aSearchWhoseChildrenAllFailFailsSayingWhy() {
        StubChildren children = new StubChildren(true);
        children.failAll = true;
        var kit = tuning("failing", children);
        start(kit, "failing", 3);
        TuningStatus done = awaitFinished(kit);
        assertEquals(TuningStatus.Phase.FAILED, done.phase());
        assertTrue(done.error().orElseThrow().contains("out of memory"), done.error().get());
        assertEquals(CONFIGURATIONS, done.children().size(), "no rung after a failed one");
    }

    @Test
    void anIdNeverStartedAnswersNoneAndItsEntityStops() {
        // A one-node cluster, so that the shard (not a probe) passivates the entity.
        ActorTestKit cluster = ActorTestKit.create("tuning-sharding", ConfigFactory.parseString("""
                pekko.actor.provider = cluster
                pekko.remote.artery.canonical { hostname = "127.0.0.1", port = 0 }
                """).withFallback(PersistenceTestKits.config()));
        try {
            Cluster node = Cluster.get(cluster.system());
            node.manager().tell(Join.create(node.selfMember().address()));
            TuningJob.init(cluster.system(), new StubChildren(true), new TuningSettings(Duration.ofMillis(20)), CLOCK);
            ClusterSharding sharding = ClusterSharding.get(cluster.system());

            TestProbe<TuningView> view = cluster.createTestProbe();
            sharding.entityRefFor(TuningJob.TYPE_KEY, "never-started").tell(new TuningJob.GetStatus(view.getRef()));
            assertEquals(Optional.empty(), view.receiveMessage(WAIT).status());

            // Sharding's own idle passivation would take minutes: an entity gone within seconds passivated itself.
            TestProbe<CurrentShardRegionState> region = cluster.createTestProbe();
            region.awaitAssert(WAIT, () -> {
                sharding.shardState().tell(new GetShardRegionState(TuningJob.TYPE_KEY, region.getRef()));
                Set<String> alive = new HashSet<>();
                for (ShardRegion.ShardState shard : region.receiveMessage().getShards()) {
                    alive.addAll(shard.getEntityIds());
                }
                assertEquals(Set.of(), alive, "entities still alive");
                return null;
            });
        } finally {
            cluster.shutdownTestKit();
        }
    }

    /**
     * Children that report on their first status request (when auto-completing) with metric {@code (i - 4)^2 +
     * 1 / epochs} for configuration {@code i}, and cost {@code 100 x} the epochs they trained themselves.
     */
    private static final class StubChildren implements ChildJobs {
        private static final Pattern ID = Pattern.compile(".*-c(\\d+)-r(\\d+)");
        final Map<String, JobSpec> submitted = new ConcurrentHashMap<>();
        final List<String> submissions = java.util.Collections.synchronizedList(new ArrayList<>());
        final Set<String> lost = ConcurrentHashMap.newKeySet();
        final Set<String> finished = ConcurrentHashMap.newKeySet();
        volatile boolean autoComplete;
        volatile boolean failAll;
        volatile int mostRunning;

        StubChildren(boolean autoComplete) {
            this.autoComplete = autoComplete;
        }

        @Override
        public synchronized CompletionStage<JobStatus> submit(String jobId, JobSpec spec) {
            submissions.add(jobId);
            if (lost.remove(jobId)) return CompletableFuture.failedFuture(new TimeoutException("ask timed out"));
            submitted.put(jobId, spec);
            mostRunning = Math.max(mostRunning, submitted.size() - finished.size());
            return CompletableFuture.completedFuture(status(jobId, JobPhase.TRAINING));
        }

        @Override
        public synchronized CompletionStage<Optional<JobStatus>> find(String jobId) {
            if (!submitted.containsKey(jobId)) return CompletableFuture.completedFuture(Optional.empty());
            if (!autoComplete) return CompletableFuture.completedFuture(Optional.of(status(jobId, JobPhase.TRAINING)));
            finished.add(jobId);
            return CompletableFuture.completedFuture(Optional.of(status(jobId,
                    failAll ? JobPhase.FAILED : JobPhase.COMPLETED)));
        }

        private JobStatus status(String jobId, JobPhase phase) {
            Matcher m = ID.matcher(jobId);
            assertTrue(m.matches(), jobId);
            int configuration = Integer.parseInt(m.group(1));
            int epochs = Integer.parseInt(submitted.get(jobId).hyperParameters().get("epochs"));
            Map<String, Double> metrics = phase == JobPhase.COMPLETED
                    ? Map.of("validation_mse", Math.pow(configuration - BEST, 2) + 1.0 / epochs) : Map.of();
            Optional<String> error = phase == JobPhase.FAILED ? Optional.of("out of memory") : Optional.empty();
            return new JobStatus(jobId, "linear-learner", phase, epochs, epochs, 0, 1, 100L * epochs, 0, 0, metrics,
                    error, CLOCK.instant(), Optional.empty(), List.of(), Map.of(), 0, 0);
        }
    }
}
