package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.algorithms.training.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental training at the level of the fold: the state after data A then data B is the state of one job over A
 * and B, bit for bit, because the added splits are numbered, seeded and folded exactly as that job's; and data that
 * does not fit the job is refused when it is planned.
 */
class IncrementalFoldTest {

    private static final Instant T0 = FoldRuns.T0;
    private static final long SPLIT_BYTES = 20_000;

    @TempDir
    Path dir;

    private JobSpec spec(String algorithm, Map<String, String> hp, String... paths) {
        return new JobSpec(algorithm, hp, DataInput.csv(paths), Optional.empty(), Optional.empty(), 1, 0,
                SPLIT_BYTES);
    }

    private Path blobs(String name, int rows, long seed) throws Exception {
        Path csv = dir.resolve(name);
        new GaussianBlobs(3, 4, seed).writeCsv(csv, rows, true);
        return csv;
    }

    private void assertAThenBIsOneJobOverBoth(String algorithm, Map<String, String> hp) throws Exception {
        Path a = blobs("a.csv", 3_000, 1);
        Path b = blobs("b.csv", 1_000, 2);
        JobPlanner planner = new JobPlanner(SPLIT_BYTES, 1);
        JobSpec both = spec(algorithm, hp, a.toString(), b.toString());
        JobPlan bothPlan = planner.plan(both);
        Trainer trainer = JobPlanner.trainerFor(both);
        List<JobEvent> oneJob = new ArrayList<>();
        oneJob.add(new JobEvent.JobSubmitted("ab", both, bothPlan, T0));
        oneJob.addAll(FoldRuns.epoch(trainer, bothPlan, bothPlan.train().splits(), 1));

        JobSpec first = spec(algorithm, hp, a.toString());
        JobPlan firstPlan = planner.plan(first);
        List<JobEvent> incremental = new ArrayList<>();
        incremental.add(new JobEvent.JobSubmitted("a+b", first, firstPlan, T0));
        incremental.addAll(FoldRuns.epoch(trainer, firstPlan, firstPlan.train().splits(), 1));
        incremental.add(new JobEvent.ModelFinalized(new byte[] {1}, Map.of(), T0, Optional.of(1)));
        PlannedInput added = planner.planAdded(first, firstPlan, DataInput.csv(b.toString()));
        assertEquals(firstPlan.splitsPerEpoch(), added.splits().get(0).id(), "added splits follow the job's");
        incremental.add(new JobEvent.DataAdded(added, T0));
        incremental.addAll(FoldRuns.epoch(trainer, bothPlan, added.splits(), 1));

        JobState.Running expected = assertInstanceOf(JobState.Running.class, JobFold.replay(oneJob));
        JobState.Running actual = assertInstanceOf(JobState.Running.class, JobFold.replay(incremental));
        assertTrue(actual.finalizing());
        assertEquals(expected.records(), actual.records());
        assertArrayEquals(expected.base().bytes(), actual.base().bytes(), algorithm + ": A then B is A and B");
        assertEquals(2, actual.nextVersion(), "its model will be version 2");
    }

    @Test
    void kMeansAThenBIsOneJobOverAAndB() throws Exception {
        assertAThenBIsOneJobOverBoth("kmeans", Map.of("k", "3", "mini_batch_size", "50", "seed", "4"));
    }

    @Test
    void pcaAThenBIsOneJobOverAAndB() throws Exception {
        assertAThenBIsOneJobOverBoth("pca", Map.of("num_components", "2"));
    }

    @Test
    void onlyTheAddedSplitsAreLeft() throws Exception {
        Path a = blobs("a.csv", 3_000, 1);
        Path b = blobs("b.csv", 1_000, 2);
        JobPlanner planner = new JobPlanner(SPLIT_BYTES, 1);
        JobSpec first = spec("kmeans", Map.of("k", "3"), a.toString());
        JobPlan plan = planner.plan(first);
        Trainer trainer = JobPlanner.trainerFor(first);
        List<JobEvent> events = new ArrayList<>();
        events.add(new JobEvent.JobSubmitted("j", first, plan, T0));
        events.addAll(FoldRuns.epoch(trainer, plan, plan.train().splits(), 1));
        events.add(new JobEvent.ModelFinalized(new byte[] {1}, Map.of(), T0, Optional.empty()));
        PlannedInput added = planner.planAdded(first, plan, DataInput.csv(b.toString()));
        events.add(new JobEvent.DataAdded(added, T0));
        JobState.Running running = (JobState.Running) JobFold.replay(events);
        for (int id = 0; id < running.plan().splitsPerEpoch(); id++) {
            assertEquals(id < plan.splitsPerEpoch(), running.hasMerged(1, id), "split " + id);
        }
    }

    @Test
    void aJobStartingFromABaseFoldsItsSplitsIntoTheBasesState() throws Exception {
        Path a = blobs("a.csv", 3_000, 1);
        Path c = blobs("c.csv", 1_000, 3);
        JobPlanner planner = new JobPlanner(SPLIT_BYTES, 1);
        Map<String, String> hp = Map.of("num_components", "2");
        JobSpec both = spec("pca", hp, a.toString(), c.toString());
        JobPlan bothPlan = planner.plan(both);
        List<JobEvent> oneJob = new ArrayList<>();
        oneJob.add(new JobEvent.JobSubmitted("ac", both, bothPlan, T0));
        oneJob.addAll(FoldRuns.epoch(JobPlanner.trainerFor(both), bothPlan, bothPlan.train().splits(), 1));

        JobSpec first = spec("pca", hp, a.toString());
        JobFold baseFold = new JobFold();
        JobState baseState = FoldRuns.fold(baseFold, FoldRuns.completed("a", first, planner.plan(first), 1));

        JobSpec next = new JobSpec("pca", Map.of("num_components", "1"), DataInput.csv(c.toString()),
                Optional.empty(), Optional.empty(), 1, 0, SPLIT_BYTES, Optional.of("a"));
        JobPlan nextPlan = planner.plan(next);
        byte[] base = JobBase.startFor(next, nextPlan, baseFold, baseState).state();
        List<JobEvent> fromBase = new ArrayList<>();
        fromBase.add(new JobEvent.JobSubmitted("c", next, nextPlan, T0, Optional.of(base)));
        fromBase.addAll(FoldRuns.epoch(JobPlanner.trainerFor(next), nextPlan, nextPlan.train().splits(), 1));

        JobState.Running expected = (JobState.Running) JobFold.replay(oneJob);
        JobState.Running actual = (JobState.Running) JobFold.replay(fromBase);
        assertArrayEquals(expected.base().bytes(), actual.base().bytes(),
                "PCA from the base's state over C is PCA over A and C (num_components is a finalize setting)");
        assertEquals(1_000, actual.records(), "the job counts its own records");
    }

    @Test
    void aBaseOfAnotherAlgorithmSchemaOrStateSizeIsRefusedSayingWhich() throws Exception {
        Path a = blobs("a.csv", 1_000, 1);
        Path c = blobs("c.csv", 500, 3);
        Path wide = dir.resolve("wide.csv");
        new GaussianBlobs(3, 5, 3L).writeCsv(wide, 100, true);
        JobPlanner planner = new JobPlanner(SPLIT_BYTES, 1);
        JobSpec first = spec("kmeans", Map.of("k", "10"), a.toString());
        List<JobEvent> events = FoldRuns.completed("a", first, planner.plan(first), 1);
        JobFold fold = new JobFold();
        JobState completed = FoldRuns.fold(fold, events);

        String why = assertBaseRefused(withBase("kmeans", Map.of("k", "5"), c), completed, fold);
        assertTrue(why.contains("k (base 10, this job 5)"), why);
        why = assertBaseRefused(withBase("pca", Map.of("num_components", "2"), c), completed, fold);
        assertTrue(why.contains("trained kmeans, not pca"), why);
        why = assertBaseRefused(withBase("kmeans", Map.of("k", "10"), wide), completed, fold);
        assertTrue(why.contains("4 features"), why);
        why = assertBaseRefused(withBase("kmeans", Map.of("k", "10", "epochs", "2"), c), completed, fold);
        assertTrue(why.contains("epochs"), why);
        JobState training = JobFold.replay(events.subList(0, 2));
        why = assertBaseRefused(withBase("kmeans", Map.of("k", "10"), c), training, new JobFold());
        assertTrue(why.contains("it is training"), why);
        JobSpec same = withBase("kmeans", Map.of("k", "10", "local_lloyd_num_trials", "3"), c);
        assertTrue(JobBase.startFor(same, planner.plan(same), fold, completed).state().length > 0,
                "finalize-time hyperparameters may differ");
    }

    private JobSpec withBase(String algorithm, Map<String, String> hp, Path data) {
        return new JobSpec(algorithm, hp, DataInput.csv(data.toString()), Optional.empty(), Optional.empty(), 1, 0,
                SPLIT_BYTES, Optional.of("a"));
    }

    private static String assertBaseRefused(JobSpec spec, JobState base, JobFold fold) {
        JobPlan plan = new JobPlanner(SPLIT_BYTES, 1).plan(spec);
        JobRejectedException e = assertThrows(JobRejectedException.class,
                () -> JobBase.startFor(spec, plan, fold, base));
        assertEquals(Optional.of("base"), e.field());
        return e.getMessage();
    }

    @Test
    void dataOfAnotherDimensionOrFormatOrAlreadyReadIsRefused() throws Exception {
        Path a = blobs("a.csv", 500, 1);
        Path wide = dir.resolve("wide.csv");
        new GaussianBlobs(3, 5, 3L).writeCsv(wide, 100, true);
        JobPlanner planner = new JobPlanner(SPLIT_BYTES, 1);
        JobSpec first = spec("kmeans", Map.of("k", "3"), a.toString());
        JobPlan plan = planner.plan(first);
        assertField("data.paths", () -> planner.planAdded(first, plan, DataInput.csv(wide.toString())));
        assertField("data.format", () -> planner.planAdded(first, plan, DataInput.libsvm(4, a.toString())));
        assertField("data.format", () -> planner.planAdded(first, plan,
                new DataInput(List.of(a.toString()), false, -1)));
        assertField("data.paths", () -> planner.planAdded(first, plan, DataInput.csv(a.toString())));
        assertTrue(Files.exists(wide));
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable planning) {
        JobRejectedException e = assertThrows(JobRejectedException.class, planning);
        assertEquals(Optional.of(field), e.field(), e.getMessage());
    }
}
