package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.worker.Worker;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.algorithms.training.SplitOutcome;
import io.statewise.algorithms.training.Trainer;
import java.nio.file.Path;
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
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
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
 * The job entity with the persistence testkit (which also checks that every command, event and state serializes):
 * exactly-once merging, order independence, resume after a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingJobTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final int SPLITS = 5;

    private ActorTestKit testKit;
    private JobSettings settings;
    @TempDir
    Path dir;
    private JobSpec spec;
    private JobPlan plan;

    @BeforeAll
    void startTestKit() {
        testKit = JobTestKits.create();
        settings = JobSettings.from(testKit.system().settings().config());
    }

    @AfterAll
    void stopTestKit() {
        testKit.shutdownTestKit();
    }

    private void plan() throws Exception {
        Path csv = dir.resolve("blobs.csv");
        new GaussianBlobs(3, 4, 7L).writeCsv(csv, 2_000, true);
        spec = new JobSpec("kmeans", Map.of("k", "3", "mini_batch_size", "100", "seed", "5"),
                DataInput.csv(csv.toString()), Optional.empty(), Optional.empty(), 2, 0,
                java.nio.file.Files.size(csv) / SPLITS + 1);
        plan = new JobPlanner(settings.splitSizeBytes(), 2).plan(spec);
    }

    private EventSourcedBehaviorTestKit<TrainingJob.Command, JobEvent, JobState> newJob(String id, RecordingPool pool) {
        return EventSourcedBehaviorTestKit.create(testKit.system(),
                TrainingJob.create(id, PersistenceId.of("job", id), settings, pool,
                        testKit.<ClusterSharding.ShardCommand>createTestProbe().getRef(), CLOCK));
    }

    /** A split's partial, computed exactly as a worker would. */
    private TrainingJob.SplitCompleted completed(int splitId, TestProbe<Worker.Command> worker) {
        Trainer trainer = JobPlanner.trainerFor(spec);
        SplitOutcome out = trainer.trainSplit(trainer.emptyState(plan.schema()), plan.train().splits().get(splitId),
                plan.train().dataFormat(), plan.schema(), plan.seedFor(1, splitId), 0, new AtomicLong(), () -> false);
        return new TrainingJob.SplitCompleted(0, 1, splitId, trainer.encodeState(out.partial()), out.records(),
                out.badRecords(), worker.getRef());
    }

    private byte[] runToModel(String id, List<Integer> order) throws Exception {
        return ((JobState.Finished) completedJob(id, order).getState()).model().orElseThrow();
    }

    /** A job whose splits completed in {@code order}, after it finalized its model. */
    private EventSourcedBehaviorTestKit<TrainingJob.Command, JobEvent, JobState> completedJob(String id,
                                                                                          List<Integer> order)
            throws Exception {
        RecordingPool pool = new RecordingPool();
        var job = newJob(id, pool);
        var submitted = job.<StatusReply<JobStatus>>runCommand(r -> new TrainingJob.Submit(id, spec, plan, r));
        assertTrue(submitted.reply().isSuccess());
        assertInstanceOf(JobEvent.JobSubmitted.class, submitted.event());
        assertEquals(Set.of(id), pool.woken);
        TestProbe<Worker.Command> worker = testKit.createTestProbe();
        for (int splitId : order) job.runCommand(completed(splitId, worker));
        awaitFinished(job);
        JobState.Finished done = (JobState.Finished) job.getState();
        assertEquals(JobPhase.COMPLETED, done.phase());
        assertEquals(Map.of(localNode(), (long) order.size()), done.splitsByNode(),
                "every split counted for the node of the worker that computed it");
        return job;
    }

    private void awaitFinished(EventSourcedBehaviorTestKit<TrainingJob.Command, JobEvent, JobState> job)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!(job.getState() instanceof JobState.Finished) && System.nanoTime() < deadline) Thread.sleep(20);
    }

    @Test
    void mergesEachSplitOnceWhateverDuplicatesAndLateMessagesArrive() throws Exception {
        plan();
        var job = newJob("dups", new RecordingPool());
        job.<StatusReply<JobStatus>>runCommand(r -> new TrainingJob.Submit("dups", spec, plan, r));
        TestProbe<Worker.Command> worker = testKit.createTestProbe();
        TrainingJob.SplitCompleted first = completed(1, worker);

        assertEquals(1, job.runCommand(first).events().size());
        assertTrue(job.runCommand(first).events().isEmpty(), "a duplicate is not merged again");
        var late = new TrainingJob.SplitCompleted(0, 0, 2, first.partial(), 10, 0, worker.getRef());
        assertTrue(job.runCommand(late).events().isEmpty(), "a message of another epoch is ignored");

        JobState.Running running = (JobState.Running) job.getState();
        assertEquals(1, running.splitsDone());
        assertEquals(first.records(), running.records());
        assertEquals(0, running.folded(), "split 1 waits until split 0 is merged");
    }

    @Test
    void aSlotThatAsksAgainGetsTheSplitItHoldsNotASecondOne() throws Exception {
        plan();
        var job = newJob("twice", new RecordingPool());
        job.<StatusReply<JobStatus>>runCommand(r -> new TrainingJob.Submit("twice", spec, plan, r));
        var first = (Worker.Assign) job.<Worker.Command>runCommand(r -> new TrainingJob.RequestWork(0, r)).reply();
        var again = (Worker.Assign) job.<Worker.Command>runCommand(r -> new TrainingJob.RequestWork(0, r)).reply();
        assertEquals(first.work().split().id(), again.work().split().id(),
                "a duplicate request (a wake-up crossing a retry) must not take a second split the busy worker drops");
        var other = (Worker.Assign) job.<Worker.Command>runCommand(r -> new TrainingJob.RequestWork(1, r)).reply();
        assertTrue(other.work().split().id() != first.work().split().id(), "another slot gets another split");
    }

    @Test
    void aSlotGetsOneSplitAheadAndTheAnswerToItsMergedSplitNamesThatOne() throws Exception {
        plan();
        var job = newJob("ahead", new RecordingPool());
        job.<StatusReply<JobStatus>>runCommand(r -> new TrainingJob.Submit("ahead", spec, plan, r));
        var first = (Worker.Assign) job.<Worker.Command>runCommand(r -> new TrainingJob.RequestWork(0, r)).reply();
        int holding = first.work().split().id();
        var ahead = (Worker.Ahead) job.<Worker.Command>runCommand(
                r -> new TrainingJob.RequestAhead(0, 1, holding, r)).reply();
        int next = ahead.work().split().id();
        assertTrue(next != holding, "a second split");
        var again = (Worker.Ahead) job.<Worker.Command>runCommand(
                r -> new TrainingJob.RequestAhead(0, 1, holding, r)).reply();
        assertEquals(next, again.work().split().id(), "asking again names the same split, never a third");

        TestProbe<Worker.Command> worker = testKit.createTestProbe();
        assertEquals(1, job.runCommand(completed(holding, worker)).events().size());
        var answer = assertInstanceOf(Worker.Assign.class, worker.receiveMessage());
        assertEquals(next, answer.work().split().id(), "the worker already runs it: the answer names no new split");

        job.runCommand(new TrainingJob.RequestAhead(0, 2, next, worker.getRef()));
        worker.expectNoMessage(Duration.ofMillis(100)); // none for another epoch
    }

    @Test
    void resultDoesNotDependOnArrivalOrder() throws Exception {
        plan();
        byte[] inOrder = runToModel("ordered", List.of(0, 1, 2, 3, 4));
        byte[] shuffled = runToModel("shuffled", List.of(3, 0, 4, 2, 1));
        assertArrayEquals(inOrder, shuffled);
    }

    @Test
    void restartResumesWithoutRereadingMergedSplits() throws Exception {
        plan();
        RecordingPool pool = new RecordingPool();
        var job = newJob("restart", pool);
        job.<StatusReply<JobStatus>>runCommand(r -> new TrainingJob.Submit("restart", spec, plan, r));
        TestProbe<Worker.Command> worker = testKit.createTestProbe();
        job.runCommand(completed(0, worker));
        job.runCommand(completed(2, worker));
        JobState before = job.getState();

        pool.woken.clear();
        var restarted = job.restart();
        JobState.Running after = (JobState.Running) restarted.state();
        assertEquals(((JobState.Running) before).records(), after.records());
        assertEquals(2, after.splitsDone());
        assertEquals(Set.of("restart"), pool.woken, "recovery wakes the workers");

        Set<Integer> leased = new HashSet<>();
        for (int i = 0; i < SPLITS; i++) {
            int slot = i; // one split per slot: a slot that asks again gets the split it holds
            var reply = job.<Worker.Command>runCommand(r -> new TrainingJob.RequestWork(slot, r)).reply();
            if (reply instanceof Worker.Assign a) leased.add(a.work().split().id());
        }
        assertEquals(Set.of(1, 3, 4), leased, "only unmerged splits are handed out again");
    }

    @Test
    void recoversFromSnapshotPlusEventsToTheSameState() throws Exception {
        plan();
        JobSettings snapshotOften = new JobSettings(2, settings.leaseTimeout(), settings.tickInterval(),
                settings.splitSizeBytes(), settings.askTimeout(), settings.progressInterval(),
                settings.retryInterval(), settings.replyTimeout(), settings.checkpointInterval());
        var job = EventSourcedBehaviorTestKit.<TrainingJob.Command, JobEvent, JobState>create(testKit.system(),
                TrainingJob.create("snap", PersistenceId.of("job", "snap"), snapshotOften, new RecordingPool(),
                        testKit.<ClusterSharding.ShardCommand>createTestProbe().getRef(), CLOCK));
        job.<StatusReply<JobStatus>>runCommand(r -> new TrainingJob.Submit("snap", spec, plan, r));
        TestProbe<Worker.Command> worker = testKit.createTestProbe();
        for (int splitId : List.of(0, 1, 3)) job.runCommand(completed(splitId, worker));
        JobState.Running before = (JobState.Running) job.getState();
        // Four events (the submission, three splits) and a snapshot every two: the restart starts from the one at 4.
        var snapshots = job.snapshotTestKit().orElseThrow(() -> new AssertionError("no snapshot testkit"))
                .persistedInStorage(PersistenceId.of("job", "snap").id());
        assertFalse(snapshots.isEmpty(), "a snapshot was taken");
        assertEquals(4, snapshots.get(snapshots.size() - 1).first().sequenceNr());

        JobState.Running after = (JobState.Running) job.restart().state();
        assertEquals(before.folded(), after.folded());
        assertEquals(before.pending().keySet(), after.pending().keySet());
        assertEquals(before.records(), after.records());
        assertArrayEquals(before.current().bytes(), after.current().bytes(),
                "the folded state survives the snapshot round trip bit for bit");
    }

    @Test
    void replayingThePersistedEventsOutsideTheActorRebuildsItsState() throws Exception {
        plan();
        var job = completedJob("replay", List.of(4, 0, 2, 1, 3));
        JobState.Finished live = (JobState.Finished) job.getState();

        List<JobEvent> events = new ArrayList<>();
        for (Object e : job.persistenceTestKit().persistedInStorage("job|replay")) events.add((JobEvent) e);
        JobState.Finished replayed = (JobState.Finished) JobFold.replay(events);
        assertArrayEquals(live.model().orElseThrow(), replayed.model().orElseThrow());
        assertArrayEquals(live.state().orElseThrow().bytes(), replayed.state().orElseThrow().bytes());
        assertEquals(live.records(), replayed.records());
        assertEquals(1, replayed.currentVersion());
    }

    @Test
    void aCompletedJobAddsModelVersionsAndOnlyACompletedOne() throws Exception {
        plan();
        var job = completedJob("versions", List.of(0, 1, 2, 3, 4));
        var added = job.<StatusReply<Integer>>runCommand(r -> new TrainingJob.AddModelVersion(new byte[] {3},
                Map.of("validation_msd", 2.0), Map.of("k", "2"), r));
        assertEquals(2, added.reply().getValue());
        JobEvent.ModelTuned tuned = (JobEvent.ModelTuned) added.event();
        assertEquals(2, tuned.version());
        assertEquals(Map.of("k", "2"), tuned.hyperParameters());
        JobState.Finished after = (JobState.Finished) added.state();
        assertEquals(2, after.currentVersion());
        assertArrayEquals(new byte[] {3}, after.model().orElseThrow());

        var running = newJob("still-running", new RecordingPool());
        running.<StatusReply<JobStatus>>runCommand(r -> new TrainingJob.Submit("still-running", spec, plan, r));
        var refused = running.<StatusReply<Integer>>runCommand(r -> new TrainingJob.AddModelVersion(new byte[] {3},
                Map.of(), Map.of(), r));
        assertTrue(refused.reply().isError());
        assertTrue(refused.events().isEmpty());
    }

    @Test
    void eventsAndSnapshotsWrittenBeforeModelVersionsStillRead() throws Exception {
        var cbor = org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider.get(testKit.system())
                .getOrCreate("jackson-cbor", Optional.empty());
        byte[] old = cbor.writeValueAsBytes(Map.of("model", new byte[] {1, 2}, "metrics", Map.of("test_msd", 1.0),
                "at", "2026-01-01T00:00:00Z"));
        JobEvent.ModelFinalized e = cbor.readValue(old, JobEvent.ModelFinalized.class);
        assertEquals(Optional.empty(), e.version());
        assertEquals(Optional.of(1), ModelVersion.of(7, e).map(ModelVersion::version));
    }

    @Test
    void snapshotsWrittenBeforeModelVersionsStillRead() throws Exception {
        plan();
        var cbor = org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider.get(testKit.system())
                .getOrCreate("jackson-cbor", Optional.empty());
        JobState.Finished done = (JobState.Finished) completedJob("old-snapshot", List.of(0, 1, 2, 3, 4)).getState();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) cbor.valueToTree(done);
        tree.remove(List.of("modelVersion", "state"));
        JobState.Finished old = cbor.treeToValue(tree, JobState.Finished.class);
        assertEquals(1, old.currentVersion(), "a model without a version is version 1");
        assertTrue(old.state().isEmpty());
        assertArrayEquals(done.model().orElseThrow(), old.model().orElseThrow());
        var running = (com.fasterxml.jackson.databind.node.ObjectNode) cbor.valueToTree(
                JobFold.replay(List.of(new JobEvent.JobSubmitted("r", spec, plan, CLOCK.instant()))));
        running.remove("modelVersions");
        assertEquals(1, cbor.treeToValue(running, JobState.Running.class).nextVersion());
    }

    @Test
        void anAutoJobFollowsTheClustersWorkerSlots() throws Exception {
        plan();
        JobSpec auto = new JobSpec(spec.algorithm(), spec.hyperParameters(), spec.train(), Optional.empty(),
                Optional.empty(), 0, 0, spec.splitSizeBytes());
        RecordingPool pool = new RecordingPool();
        var job = newJob("auto", pool);
        job.<StatusReply<JobStatus>>runCommand(r -> new TrainingJob.Submit("auto", auto, plan, r));
        assertEquals(plan.parallelism(), pool.lastWake, "the planned slots until the cluster reports");
        ActorRef<WorkerNodes> cluster = pool.subscribers.receiveMessage();

        cluster.tell(new WorkerNodes(4, Set.of()));
        var onFourth = (Worker.Assign) requestWork(job, 3);
        assertEquals(4, pool.lastWake, "a joining worker node's slots are woken");

        cluster.tell(new WorkerNodes(1, Set.of()));
        assertInstanceOf(Worker.JobOver.class, requestWork(job, 2), "a slot beyond the count stops");
        assertEquals(List.of("auto:1-4"), pool.stoppedRanges);
        var onFirst = (Worker.Assign) requestWork(job, 0);
        assertEquals(onFourth.work().split().id(), onFirst.work().split().id(),
                "the split of a removed slot is re-queued at once, ahead of the others");
    }

    @Test
    void splitsOfAnUnreachableNodeAreRequeuedAtOnce() throws Exception {
        plan();
        RecordingPool pool = new RecordingPool();
        var job = newJob("unreachable", pool);
        job.<StatusReply<JobStatus>>runCommand(r -> new TrainingJob.Submit("unreachable", spec, plan, r));
        ActorRef<WorkerNodes> cluster = pool.subscribers.receiveMessage();
        var held = (Worker.Assign) requestWork(job, 0);

        cluster.tell(new WorkerNodes(2, Set.of("pekko://statewise@10.0.0.9:2551")));
        assertEquals(held.work().split().id(), ((Worker.Assign) requestWork(job, 0)).work().split().id(),
                "another node's loss frees nothing here: the slot keeps its split");
        cluster.tell(new WorkerNodes(2, Set.of(localNode())));
        var again = (Worker.Assign) requestWork(job, 2);
        assertEquals(held.work().split().id(), again.work().split().id(),
                "the split leased on the lost node goes to the next slot that asks, without waiting for its lease");
        assertEquals(plan.parallelism(), pool.lastWake, "a fixed parallelism does not follow the cluster's slots");
    }

    @Test
    void aSplitAbandonedByItsStoppingWorkerGoesToTheNextSlotAtOnce() throws Exception {
        plan();
        var job = newJob("abandoned", new RecordingPool());
        job.<StatusReply<JobStatus>>runCommand(r -> new TrainingJob.Submit("abandoned", spec, plan, r));
        var held = (Worker.Assign) requestWork(job, 0);
        int splitId = held.work().split().id();
        job.runCommand(new TrainingJob.SplitAbandoned(1, 1, splitId));
        assertTrue(((Worker.Assign) requestWork(job, 1)).work().split().id() != splitId, "only its holder gives it up");
        job.runCommand(new TrainingJob.SplitAbandoned(0, 1, splitId));
        assertEquals(splitId, ((Worker.Assign) requestWork(job, 2)).work().split().id());
        JobStatus status = job.<JobView>runCommand(TrainingJob.GetStatus::new).reply().status().orElseThrow();
        long splitBytes = held.work().split().end() - held.work().split().start();
        assertEquals(splitBytes, status.bytesReread(), "the abandoned split is read again");
    }

    private Worker.Command requestWork(EventSourcedBehaviorTestKit<TrainingJob.Command, JobEvent, JobState> job,
                                       int slot) {
        return job.<Worker.Command>runCommand(r -> new TrainingJob.RequestWork(slot, r)).reply();
    }

    /** The node of the test's (local) workers, as the job records it. */
    private String localNode() {
        return testKit.system().address().toString();
    }

    @Test
    void unknownJobAnswersEmptyAndAsksToBePassivated() {
        TestProbe<ClusterSharding.ShardCommand> shard = testKit.createTestProbe();
        var job = testKit.spawn(TrainingJob.create("nobody", PersistenceId.of("job", "nobody"), settings,
                new RecordingPool(), shard.getRef(), CLOCK));
        TestProbe<JobView> probe = testKit.createTestProbe();
        job.tell(new TrainingJob.GetStatus(probe.getRef()));
        assertTrue(probe.receiveMessage().status().isEmpty());
        var passivate = (ClusterSharding.Passivate<?>) shard.receiveMessage();
        assertEquals(job, passivate.entity());
        TestProbe<JobDefinition> definition = testKit.createTestProbe();
        job.tell(new TrainingJob.GetDefinition(definition.getRef()));
        assertTrue(definition.receiveMessage().spec().isEmpty());
        assertEquals(job, ((ClusterSharding.Passivate<?>) shard.receiveMessage()).entity());
    }

    /** Records which jobs woke and stopped which slots; hands each job's worker-node subscriber to the test. */
    private final class RecordingPool implements WorkerPool {
        final Set<String> woken = java.util.Collections.synchronizedSet(new HashSet<>());
        final List<String> stopped = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<String> stoppedRanges = java.util.Collections.synchronizedList(new ArrayList<>());
        final TestProbe<ActorRef<WorkerNodes>> subscribers = testKit.createTestProbe();
        volatile int lastWake;

        @Override
        public void wakeAll(String jobId, int slots) {
            woken.add(jobId);
            lastWake = slots;
        }

        @Override
        public void stop(String jobId, int fromSlot, int toSlot) {
            stoppedRanges.add(jobId + ":" + fromSlot + "-" + toSlot);
        }

        @Override
        public Behavior<?> watchWorkerNodes(ActorRef<WorkerNodes> subscriber) {
            return Behaviors.setup(ctx -> {
                subscribers.getRef().tell(subscriber);
                return Behaviors.empty();
            });
        }

        @Override
        public void stopAll(String jobId, int slots) {
            stopped.add(jobId);
        }
    }
}
