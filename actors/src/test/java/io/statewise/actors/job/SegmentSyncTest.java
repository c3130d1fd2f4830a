package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.actors.testing.NodeJobs;
import io.statewise.actors.testing.SgdMean;
import io.statewise.actors.worker.Worker;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.algorithms.training.SplitSession;
import io.statewise.algorithms.training.Trainer;
import io.statewise.persistence.JournalDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The every-N-batches path (the job as parameter server): segments are applied once each, duplicates are refused,
 * a restarted job hands a split out again after its merged segments, and a real node trains such a job end to end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentSyncTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final int ROWS = 3_000;

    private ActorTestKit testKit;
    private JobSettings settings;
    private Path dir;
    private Path csv;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        SgdMean.register();
        dir = tempDir;
        csv = dir.resolve("one-blob.csv");
        new GaussianBlobs(1, 3, 1.0, 9L).writeCsv(csv, ROWS, true);
        testKit = JobTestKits.create();
        settings = JobSettings.from(testKit.system().settings().config());
    }

    @AfterAll
    void stop() {
        testKit.shutdownTestKit();
    }

    private JobSpec spec(int epochs) throws Exception {
        return new JobSpec(SgdMean.NAME, Map.of("epochs", Integer.toString(epochs), "mini_batch_size", "50",
                "sync_every_batches", "3"), DataInput.csv(csv.toString()), Optional.empty(), Optional.empty(), 2, 0,
                Files.size(csv) / 3 + 1);
    }

    @Test
    void segmentsAreAppliedOnceAndAResumedSplitSkipsTheCheckpointedOnes() throws Exception {
        // A zero checkpoint interval records the job's state after every segment.
        SyncedSegment first = mergeFirstSegment("seg", Duration.ZERO);
        assertEquals(2, first.events().size());
        var segment = assertInstanceOf(JobEvent.SegmentMerged.class, first.events().get(0));
        assertTrue(segment.applied(), "the segment is recorded without its partial");
        var checkpoint = assertInstanceOf(JobEvent.SyncCheckpointed.class, first.events().get(1));
        assertEquals(150, checkpoint.state().records());

        JobState.Running recovered = (JobState.Running) first.job().restart().state();
        assertEquals(1, recovered.segmentsMerged(first.work().split().id()));
        assertEquals(150, recovered.records());
        assertEquals(1, reassigned(first).startSegment(), "continuing after the checkpointed segment");
    }

    @Test
    void aRestartRedoesTheSegmentsSinceTheLastCheckpoint() throws Exception {
        SyncedSegment first = mergeFirstSegment("seg-lost", Duration.ofHours(1));
        assertEquals(1, first.events().size(), "no checkpoint yet");
        assertTrue(((JobEvent.SegmentMerged) first.events().get(0)).applied());

        JobState.Running recovered = (JobState.Running) first.job().restart().state();
        assertEquals(0, recovered.segmentsMerged(first.work().split().id()), "replay skips the unrecorded segment");
        assertEquals(0, recovered.records());
        assertEquals(0, reassigned(first).startSegment(), "the split is redone from its start");
    }

    /** A job after its first segment: the events that merge recorded, its assignment, the plan. */
    private record SyncedSegment(EventSourcedBehaviorTestKit<TrainingJob.Command, JobEvent, JobState> job,
                                 java.util.List<JobEvent> events, WorkAssignment work, JobPlan plan) {}

    /** Submits a job, trains the first segment of its first split and merges it (also checking duplicates). */
    private SyncedSegment mergeFirstSegment(String id, Duration checkpointInterval) throws Exception {
        JobSpec spec = spec(1);
        JobPlan plan = new JobPlanner(settings.splitSizeBytes(), 2).plan(spec);
        JobSettings checkpointing = new JobSettings(settings.snapshotEvery(), settings.leaseTimeout(),
                settings.tickInterval(), settings.splitSizeBytes(), settings.askTimeout(), settings.progressInterval(),
                settings.retryInterval(), settings.replyTimeout(), checkpointInterval);
        var job = EventSourcedBehaviorTestKit.<TrainingJob.Command, JobEvent, JobState>create(testKit.system(),
                TrainingJob.create(id, PersistenceId.of("job", id), checkpointing, new NoWorkers(),
                        testKit.<ClusterSharding.ShardCommand>createTestProbe().getRef(), CLOCK));
        job.<StatusReply<JobStatus>>runCommand(r -> new TrainingJob.Submit(id, spec, plan, r));
        TestProbe<Worker.Command> worker = testKit.createTestProbe();

        var assigned = (Worker.Assign) job.<Worker.Command>runCommand(r -> new TrainingJob.RequestWork(0, r)).reply();
        WorkAssignment work = assigned.work();
        assertEquals(3, work.syncEveryBatches());
        assertEquals(0, work.startSegment());

        Trainer trainer = JobPlanner.trainerFor(spec);
        try (SplitSession session = trainer.open(work.split(), work.format().toDataFormat(), work.schema(), 0)) {
            SplitSession.Segment first = session.train(trainer.decodeState(work.base()), work.segmentSeed(0), 3,
                    new AtomicLong(), () -> false);
            var segment0 = new TrainingJob.SegmentCompleted(0, 1, work.split().id(), 0,
                    trainer.encodeState(first.partial()), first.records(), 0, false, worker.getRef());
            var applied = job.runCommand(segment0);
            assertInstanceOf(Worker.Continue.class, worker.receiveMessage());
            assertEquals(150, ((JobState.Running) job.getState()).records());

            job.runCommand(segment0);
            assertEquals(Worker.NoWorkYet.INSTANCE, worker.receiveMessage(), "a duplicate segment is refused");
            assertEquals(150, ((JobState.Running) job.getState()).records(), "and not applied");
            return new SyncedSegment(job, applied.events(), work, plan);
        }
    }

    /** The first split's assignment after a restart. */
    private static WorkAssignment reassigned(SyncedSegment s) {
        for (int i = 0; i < s.plan().splitsPerEpoch(); i++) {
            var reply = s.job().<Worker.Command>runCommand(r -> new TrainingJob.RequestWork(1, r)).reply();
            if (reply instanceof Worker.Assign a && a.work().split().id() == s.work().split().id()) return a.work();
        }
        throw new AssertionError("the split is not handed out again after the restart");
    }

    @Test
    void nodeTrainsAnEveryNBatchesJobEndToEnd() throws Exception {
        NodeSettings node = new NodeSettings(dir.resolve("node"), "127.0.0.1", 0, java.util.List.of(),
                Optional.of(JournalDatabase.h2MemoryUrl("segment-sync")));
        try (StatewiseNode running = StatewiseNode.start(node)) {
            JobStatus submitted = running.jobService().submit(spec(2)).toCompletableFuture().get(30, TimeUnit.SECONDS);
            JobStatus done = NodeJobs.awaitFinal(running, submitted.jobId(), Duration.ofSeconds(60));
            assertEquals(JobPhase.COMPLETED, done.phase(), done.error().orElse(""));
            assertEquals(2L * ROWS, done.records(), "every record of every epoch applied exactly once");
            assertTrue(done.splitsTotal() >= 3, "several splits");
            var model = (SgdMean.MeanModel) running.jobService().model(submitted.jobId()).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS).model();
            float[][] center = new GaussianBlobs(1, 3, 1.0, 9L).centers();
            for (int j = 0; j < 3; j++) {
                assertEquals(center[0][j], model.mean()[j], 0.5, "SGD estimate of the mean, feature " + j);
            }

            // Replay skips the segments recorded without their partial; the checkpoint at each epoch's end makes the
            // replayed state before the model exactly the trained one.
            var events = running.jobService().events(submitted.jobId(), 1, 1000).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS).events();
            assertTrue(events.stream().anyMatch(e -> e.type().equals("segment_merged")), "segments recorded");
            assertTrue(events.stream().anyMatch(e -> e.type().equals("sync_checkpointed")), "checkpoints recorded");
            long finalized = events.stream().filter(e -> e.type().equals("model_finalized")).findFirst()
                    .orElseThrow().sequenceNr();
            var replayed = (SgdMean.MeanModel) running.jobService().modelAsOf(submitted.jobId(), finalized - 1)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS).model();
            org.junit.jupiter.api.Assertions.assertArrayEquals(model.mean(), replayed.mean(),
                    "the model rebuilt from the journal equals the trained one");
        }
    }

    /** The persistence-testkit job reaches no real workers. */
    private static final class NoWorkers implements WorkerPool {
        @Override
        public void wakeAll(String jobId, int slots) {}

        @Override
        public void stopAll(String jobId, int slots) {}
    }
}
