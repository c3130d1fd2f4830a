package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.State;
import io.statewise.algorithms.data.RecordStreams;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.algorithms.pca.PcaModel;
import io.statewise.algorithms.training.SplitSession;
import io.statewise.algorithms.training.Trainer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An online job entity with the persistence testkit (which checks that its commands, events and states serialize):
 * batches of records merge once persisted, survive a restart, finalize on demand, and close into a model version;
 * records are refused once it is closed, and by a batch job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineJobTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    /** PCA sums in doubles; merging in another grouping changes only the rounding. */
    private static final double SAME_MODEL = 1e-5;

    private ActorTestKit testKit;
    private JobSettings settings;
    private final GaussianBlobs blobs = new GaussianBlobs(3, 4, 0.5, 7L);

    @BeforeAll
    void startTestKit() {
        testKit = JobTestKits.create();
        settings = JobSettings.from(testKit.system().settings().config());
    }

    @AfterAll
    void stopTestKit() {
        testKit.shutdownTestKit();
    }

    private static JobSpec onlineSpec(String algorithm, Map<String, String> hyperParameters) {
        return onlineSpec(algorithm, hyperParameters, -1);
    }

    private static JobSpec onlineSpec(String algorithm, Map<String, String> hyperParameters, int labelColumn) {
        DataInput records = new DataInput(List.of(), false, labelColumn, DataInput.CSV, false, Optional.of(4));
        return new JobSpec(algorithm, hyperParameters, records, Optional.empty(), Optional.empty(), 1, 0, 0,
                Optional.empty(), true);
    }

    private EventSourcedBehaviorTestKit<TrainingJob.Command, JobEvent, JobState> submitted(String id, JobSpec spec) {
        var job = EventSourcedBehaviorTestKit.<TrainingJob.Command, JobEvent, JobState>create(testKit.system(),
                TrainingJob.create(id, PersistenceId.of("job", id), settings, new IdleWorkers(),
                        testKit.<ClusterSharding.ShardCommand>createTestProbe().getRef(), CLOCK));
        JobPlan plan = new JobPlanner(settings.splitSizeBytes(), 1).plan(spec);
        var result = job.<StatusReply<JobStatus>>runCommand(r -> new TrainingJob.Submit(id, spec, plan, r));
        assertEquals(JobPhase.ONLINE, result.reply().getValue().phase());
        assertInstanceOf(JobState.Online.class, result.state());
        return job;
    }

    /** The partial of {@code csv}'s records, folded as the HTTP ingest folds them. */
    private static State partialOf(JobSpec spec, String csv) {
        Trainer trainer = JobPlanner.trainerFor(spec);
        JobPlan plan = new JobPlanner(1 << 20, 1).plan(spec);
        var reader = RecordStreams.open(RecordStreams.Syntax.CSV, "records",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), plan.schema(), -1, 0);
        try (SplitSession session = trainer.open(reader, plan.schema())) {
            return session.train(trainer.emptyState(plan.schema()), 1L, 0, new AtomicLong(), () -> false).partial();
        }
    }

    private TrainingJob.MergeRecords merge(JobSpec spec, String csv, long records,
                                           org.apache.pekko.actor.typed.ActorRef<StatusReply<OnlineCheckpoint>> r) {
        Trainer trainer = JobPlanner.trainerFor(spec);
        return new TrainingJob.MergeRecords(trainer.encodeState(partialOf(spec, csv)), records, 0, r);
    }

    private String csv(int rows) {
        StringBuilder out = new StringBuilder();
        for (float[] row : blobs.sample(rows)) {
            for (int j = 0; j < row.length; j++) out.append(j == 0 ? "" : ",").append(row[j]);
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void acknowledgedRecordsSurviveARestartAndCloseIntoTheModelOfOnePassOverThem() {
        JobSpec spec = onlineSpec("pca", Map.of("num_components", "2", "algorithm_mode", "regular"));
        var job = submitted("online-pca", spec);
        String a = csv(700);
        String b = csv(300);

        var first = job.<StatusReply<OnlineCheckpoint>>runCommand(r -> merge(spec, a, 700, r));
        assertEquals(new OnlineCheckpoint(2, 700), first.reply().getValue(), "persisted as event 2");
        assertInstanceOf(JobEvent.RecordsMerged.class, first.event());
        var second = job.<StatusReply<OnlineCheckpoint>>runCommand(r -> merge(spec, b, 300, r));
        assertEquals(new OnlineCheckpoint(3, 1_000), second.reply().getValue());

        job.restart();
        JobState.Online recovered = (JobState.Online) job.getState();
        assertEquals(1_000, recovered.records(), "acknowledged records are in the state after a restart");
        assertEquals(2, recovered.merges());

        var onDemand = job.<JobView>runCommand(TrainingJob.GetModel::new).reply();
        assertTrue(onDemand.model().isPresent(), "the current state finalizes at any time");
        var closed = job.<StatusReply<JobStatus>>runCommand(TrainingJob.Close::new);
        assertEquals(JobPhase.COMPLETED, closed.reply().getValue().phase());
        JobEvent.ModelFinalized finalized = (JobEvent.ModelFinalized) closed.events().get(0);
        assertEquals(Optional.of(1), finalized.version());
        JobState.Finished done = (JobState.Finished) job.getState();
        assertTrue(done.state().isPresent(), "a closed job keeps its state for tuning and added data");

        Trainer trainer = JobPlanner.trainerFor(spec);
        PcaModel online = (PcaModel) trainer.decodeModel(finalized.model());
        PcaModel onePass = (PcaModel) trainer.finalizeModel(partialOf(spec, a + b));
        assertArrayEquals(onePass.explainedVariance(), online.explainedVariance(), SAME_MODEL);
        assertArrayEquals(onePass.explainedVariance(),
                ((PcaModel) trainer.decodeModel(onDemand.model().get())).explainedVariance(), SAME_MODEL);

        var late = job.<StatusReply<OnlineCheckpoint>>runCommand(r -> merge(spec, csv(10), 10, r));
        assertTrue(late.reply().isError());
        assertTrue(late.reply().getError().getMessage().contains("is not online any more: it is completed"),
                late.reply().getError().getMessage());
        assertTrue(late.hasNoEvents(), "a refused batch persists nothing");
    }

    @Test
    void recoversFromASnapshotOfTheOnlineState() {
        JobSpec spec = onlineSpec("kmeans", Map.of("k", "3", "mini_batch_size", "50", "seed", "5"));
        var job = submitted("online-snapshot", spec);
        int batches = settings.snapshotEvery() + 5;
        for (int i = 0; i < batches; i++) {
            String records = csv(40);
            assertTrue(job.<StatusReply<OnlineCheckpoint>>runCommand(r -> merge(spec, records, 40, r)).reply()
                    .isSuccess());
        }
        byte[] before = ((JobState.Online) job.getState()).state().bytes();
        // One event for the submission and one a batch: the last snapshot holds the first snapshotEvery events.
        var snapshots = job.snapshotTestKit().orElseThrow(() -> new AssertionError("no snapshot testkit"))
                .persistedInStorage(PersistenceId.of("job", "online-snapshot").id());
        assertFalse(snapshots.isEmpty(), "a snapshot was taken");
        var last = snapshots.get(snapshots.size() - 1);
        assertEquals(settings.snapshotEvery(), last.first().sequenceNr());
        JobState.Online snapshot = assertInstanceOf(JobState.Online.class, last.second());
        assertEquals(settings.snapshotEvery() - 1, snapshot.merges(), "the batches before the snapshot");
        job.restart();
        JobState.Online recovered = (JobState.Online) job.getState();
        assertEquals(40L * batches, recovered.records());
        assertEquals(batches, recovered.merges());
        assertArrayEquals(before, recovered.state().bytes(), "the snapshot and the events after it rebuild the state");
    }

    @Test
    void aStoppedJobRefusesToCloseAndAnUnmergeableAlgorithmIsNotPlannedOnline() {
        JobSpec kmeans = onlineSpec("kmeans", Map.of("k", "3", "mini_batch_size", "100", "seed", "5"));
        var job = submitted("online-kmeans", kmeans);
        var empty = job.<JobView>runCommand(TrainingJob.GetModel::new).reply();
        assertTrue(empty.model().isEmpty(), "no record, nothing to finalize yet");
        var cancelled = job.<JobView>runCommand(TrainingJob.Cancel::new);
        assertEquals(JobPhase.CANCELLED, cancelled.reply().status().orElseThrow().phase());
        var refused = job.<StatusReply<JobStatus>>runCommand(TrainingJob.Close::new).reply();
        assertTrue(refused.getError().getMessage().contains("not online any more: it is cancelled"),
                refused.getError().getMessage());

        var sgd = assertThrowsRejected(() -> new JobPlanner(1 << 20, 1).plan(onlineSpec("linear-learner",
                Map.of("predictor_type", "regressor"), 0)));
        assertEquals(Optional.of("mode"), sgd.field());
    }

    private static io.statewise.actors.service.JobRejectedException assertThrowsRejected(Runnable planning) {
        return org.junit.jupiter.api.Assertions.assertThrows(io.statewise.actors.service.JobRejectedException.class,
                planning::run);
    }

    /** Online jobs start no workers. */
    private static final class IdleWorkers implements WorkerPool {
        @Override
        public void wakeAll(String jobId, int slots) {
            throw new AssertionError("an online job woke workers");
        }

        @Override
        public void stopAll(String jobId, int slots) {}
    }
}
