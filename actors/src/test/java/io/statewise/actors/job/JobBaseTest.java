package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job of several epochs that continues its base's training: it starts at the epoch after the base's last, and is
 * refused (field {@code base}, saying why) over other training data, with another hyperparameter than epochs, or
 * with no more epochs than the base ran; and no job starts from a base that kept no trained state. The base is a
 * k-means job of 2 epochs; refusals that any start from a base shares (algorithm, schema, phase) are in
 * {@link IncrementalFoldTest}.
 */
class JobBaseTest {

    private static final long SPLIT_BYTES = 20_000;
    private static final String BASE_ID = "base-1";
    private static final Map<String, String> BASE_HP = Map.of("k", "10", "epochs", "2", "seed", "4");

    @TempDir
    Path dir;

    private final JobPlanner planner = new JobPlanner(SPLIT_BYTES, 1);
    private final JobFold baseFold = new JobFold();
    private Path baseData;
    private JobState base;

    @BeforeEach
    void completeTheBase() throws Exception {
        baseData = blobs("base.csv", 1L);
        JobSpec spec = spec(BASE_HP, baseData, Optional.empty());
        base = FoldRuns.fold(baseFold, FoldRuns.completed(BASE_ID, spec, planner.plan(spec), 2));
        assertEquals(2, ((JobState.Finished) base).epoch());
    }

    private Path blobs(String name, long seed) throws Exception {
        Path csv = dir.resolve(name);
        new GaussianBlobs(3, 4, seed).writeCsv(csv, 1_000, true);
        return csv;
    }

    private static JobSpec spec(Map<String, String> hp, Path data, Optional<String> base) {
        return new JobSpec("kmeans", hp, DataInput.csv(data.toString()), Optional.empty(), Optional.empty(), 1, 0,
                SPLIT_BYTES, base);
    }

    /** The base's hyperparameters with {@code name} set to {@code value}. */
    private static Map<String, String> baseWith(String name, String value) {
        Map<String, String> hp = new HashMap<>(BASE_HP);
        hp.put(name, value);
        return hp;
    }

    private JobBase.Start startFrom(Map<String, String> hp, Path data) {
        JobSpec spec = spec(hp, data, Optional.of(BASE_ID));
        return JobBase.startFor(spec, planner.plan(spec), baseFold, base);
    }

    /** The refusal's message, after checking that it is about the field {@code base}. */
    private String refusal(Map<String, String> hp, Path data) {
        JobRejectedException e = assertThrows(JobRejectedException.class, () -> startFrom(hp, data));
        assertEquals(Optional.of("base"), e.field(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void moreEpochsOverTheSameDataContinueAtTheEpochAfterTheBasesLast() {
        JobBase.Start start = startFrom(baseWith("epochs", "3"), baseData);
        assertEquals(Optional.of(3), start.continuesAtEpoch());
        byte[] trained = baseFold.trainer(((JobState.Finished) base).spec())
                .encodeState(baseFold.trainedState(base).orElseThrow());
        assertArrayEquals(trained, start.state(), "the base's state, byte for byte");
    }

    @Test
    void otherTrainingDataIsRefused() throws Exception {
        String why = refusal(baseWith("epochs", "3"), blobs("other.csv", 2L));
        assertTrue(why.contains("only over the base's own training data"), why);
        assertTrue(why.contains("runs 3 epochs"), "says why it cannot take the data as more data instead: " + why);
    }

    @Test
    void anotherHyperparameterThanEpochsIsRefusedNamingIt() {
        Map<String, String> hp = baseWith("epochs", "3");
        hp.put("k", "5");
        String why = refusal(hp, baseData);
        assertTrue(why.contains("only epochs may differ"), why);
        assertTrue(why.contains("hyperparameters that differ: k (base 10, this job 5)"), why);
        assertFalse(why.contains("epochs (base"), "epochs may differ: " + why);
    }

    @Test
    void noMoreEpochsThanTheBaseRanIsRefused() {
        String why = refusal(BASE_HP, baseData);
        assertTrue(why.contains("base job '" + BASE_ID + "' already ran 2 epochs"), why);
        assertTrue(why.contains("this job's schedule has 2: raise epochs"), why);
    }

    @Test
    void aBaseThatKeptNoStateIsRefused() {
        JobState.Finished f = (JobState.Finished) base;
        base = new JobState.Finished(f.jobId(), f.spec(), f.plan(), f.submittedAt(), f.phase(), f.epoch(), f.records(),
                f.badRecords(), f.model(), f.metrics(), f.error(), f.finishedAt(), f.epochReports(), f.modelVersion(),
                Optional.empty(), f.splitsByNode());
        String why = refusal(baseWith("epochs", "3"), baseData);
        assertEquals("base job '" + BASE_ID + "' kept no trained state", why);
    }
}
