package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statewise.algorithms.State;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.algorithms.training.SplitOutcome;
import io.statewise.algorithms.training.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The actor-free fold of a job's events: replaying any prefix rebuilds the state as it was then, arrival order does
 * not matter, model versions count up, and events that cannot follow a state are refused.
 */
class JobFoldTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int SPLITS = 4;

    @TempDir
    Path dir;
    private JobSpec spec;
    private JobPlan plan;
    private Trainer trainer;

    @BeforeEach
    void plan() throws Exception {
        Path csv = dir.resolve("blobs.csv");
        new GaussianBlobs(3, 2, 11L).writeCsv(csv, 1_200, true);
        spec = new JobSpec("kmeans", Map.of("k", "3", "mini_batch_size", "100", "seed", "5"),
                DataInput.csv(csv.toString()), Optional.empty(), Optional.empty(), 1, 0, Files.size(csv) / SPLITS + 1);
        plan = new JobPlanner(1 << 20, 1).plan(spec);
        trainer = JobPlanner.trainerFor(spec);
    }

    private JobEvent.SplitMerged merged(int splitId) {
        SplitOutcome out = trainer.trainSplit(trainer.emptyState(plan.schema()), plan.train().splits().get(splitId),
                plan.train().dataFormat(), plan.schema(), plan.seedFor(1, splitId), 0, new AtomicLong(), () -> false);
        return new JobEvent.SplitMerged(1, splitId, trainer.encodeState(out.partial()), out.records(), 0, T0,
                java.util.Optional.empty());
    }

    private List<JobEvent> trainingEvents(List<Integer> order) {
        List<JobEvent> events = new ArrayList<>();
        events.add(new JobEvent.JobSubmitted("j", spec, plan, T0));
        for (int splitId : order) events.add(merged(splitId));
        events.add(new JobEvent.EpochCompleted(1, Optional.empty(), T0));
        return events;
    }

    private byte[] modelOf(List<JobEvent> events) {
        JobFold fold = new JobFold();
        JobState state = new JobState.Empty();
        for (JobEvent e : events) state = fold.apply(state, e);
        return trainer.encodeModel(trainer.finalizeModel(fold.trainedState(state).orElseThrow()));
    }

    @Test
    void aPrefixRebuildsTheStateOfItsFoldedSplits() {
        List<JobEvent> events = trainingEvents(List.of(0, 1, 2, 3));
        JobFold fold = new JobFold();
        JobState state = new JobState.Empty();
        for (JobEvent e : events.subList(0, 3)) state = fold.apply(state, e);

        State expected = trainer.merge(trainer.merge(trainer.emptyState(plan.schema()),
                trainer.decodeState(((JobEvent.SplitMerged) events.get(1)).partial())),
                trainer.decodeState(((JobEvent.SplitMerged) events.get(2)).partial()));
        assertArrayEquals(trainer.encodeState(expected), trainer.encodeState(fold.trainedState(state).orElseThrow()));
        assertEquals(((JobEvent.SplitMerged) events.get(1)).records()
                + ((JobEvent.SplitMerged) events.get(2)).records(),
                ((JobState.Running) state).records());
    }

    @Test
    void replayDoesNotDependOnTheOrderSplitsArrivedIn() {
        assertArrayEquals(modelOf(trainingEvents(List.of(0, 1, 2, 3))), modelOf(trainingEvents(List.of(2, 0, 3, 1))));
    }

    @Test
    void modelVersionsCountUpAndTheTrainedStateIsKept() {
        List<JobEvent> events = trainingEvents(List.of(0, 1, 2, 3));
        byte[] first = modelOf(events);
        events.add(new JobEvent.ModelFinalized(first, Map.of(), T0, Optional.of(1)));
        events.add(new JobEvent.ModelTuned(2, new byte[] {7}, Map.of("validation_msd", 1.5), Map.of("k", "2"), T0));

        JobState.Finished done = assertInstanceOf(JobState.Finished.class, JobFold.replay(events));
        assertEquals(2, done.currentVersion());
        assertArrayEquals(new byte[] {7}, done.model().orElseThrow());
        assertEquals(Map.of("validation_msd", 1.5), done.metrics());
        JobFold fold = new JobFold();
        State kept = fold.trainedState(done).orElseThrow();
        assertArrayEquals(first, trainer.encodeModel(trainer.finalizeModel(kept)),
                "the kept state finalizes to the first version again");
    }

    @Test
    void aModelFinalizedWithoutVersionIsVersionOne() {
        List<JobEvent> events = trainingEvents(List.of(0, 1, 2, 3));
        events.add(new JobEvent.ModelFinalized(new byte[] {1}, Map.of(), T0, Optional.empty()));
        JobState.Finished done = (JobState.Finished) JobFold.replay(events);
        assertEquals(1, done.currentVersion());
        assertEquals(Optional.of(1), ModelVersion.of(9, events.get(events.size() - 1)).map(ModelVersion::version));
    }

    @Test
    void eventsThatCannotFollowTheStateAreRefused() {
        List<JobEvent> tunedWhileTraining = trainingEvents(List.of(0));
        tunedWhileTraining.add(new JobEvent.ModelTuned(2, new byte[] {7}, Map.of(), Map.of(), T0));
        assertThrows(IllegalStateException.class, () -> JobFold.replay(tunedWhileTraining));
        assertThrows(IllegalStateException.class, () -> JobFold.replay(List.of(merged(0))));
    }

    @Test
    void summariesNameTheEventAndItsCountsWithoutPayload() {
        JobEvent.SplitMerged split = merged(2);
        EventSummary s = EventSummary.of(5, split);
        assertEquals("split_merged", s.type());
        assertEquals(Optional.of(2), s.split());
        assertEquals(Optional.of(split.records()), s.records());
        assertEquals(Optional.of(3), EventSummary.of(6, new JobEvent.ModelTuned(3, new byte[0], Map.of(), Map.of(),
                T0)).version());
        assertEquals("job_submitted", EventSummary.of(1, new JobEvent.JobSubmitted("j", spec, plan, T0)).type());
    }
}
