package io.statewise.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.history.EventPage;
import io.statewise.actors.history.HistoricModel;
import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.EventSummary;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.job.ModelVersion;
import io.statewise.actors.service.JobNotFoundException;
import io.statewise.actors.service.JobRejectedException;
import io.statewise.actors.service.JobService;
import io.statewise.actors.service.TuneOutcome;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.algorithms.kmeans.KMeansModel;
import io.statewise.algorithms.tuning.TuneRequest;
import io.statewise.ops.http.JsonSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model versions by replay against a real H2 journal: a k-means job trained on a node, its history read back
 * through the node's service (JDBC read journal), then {@code statewise replay} on the same database with the node
 * stopped.
 */
@Tag("integration")
class ReplayCommandTest {
    private static final int SPLITS = 6;

    @TempDir
    Path dir;

    @Test
    void replayRebuildsEveryVersionAndEarlierModelsFromTheJournalAlone() throws Exception {
        Path csv = dir.resolve("blobs.csv");
        new GaussianBlobs(3, 2, 5L).writeCsv(csv, 3_000, true);
        Path data = dir.resolve("node");
        JobSpec spec = new JobSpec("kmeans", Map.of("k", "3", "mini_batch_size", "100", "seed", "1"),
                DataInput.csv(csv.toString()), Optional.empty(), Optional.empty(), 2, 0,
                Files.size(csv) / SPLITS + 1);
        String jobId;
        KMeansModel trained;
        long versionAt;
        long firstMerge;
        try (EmbeddedNode node = EmbeddedNode.start(data, false)) {
            JobService jobs = node.node().jobService();
            jobId = completedJob(jobs, spec);
            trained = (KMeansModel) await(jobs.model(jobId)).model();

            List<ModelVersion> versions = await(jobs.versions(jobId));
            assertEquals(1, versions.size());
            versionAt = versions.get(0).sequenceNr();
            EventPage events = await(jobs.events(jobId, 1, 1000));
            assertEquals(versionAt, events.events().size(), "the version is the last event");
            assertEquals("job_submitted", events.events().get(0).type());
            assertEquals(SPLITS, events.events().stream().filter(e -> e.type().equals("split_merged")).count());
            // Split 0's merge folds it (and any later splits that arrived before it) into the state.
            firstMerge = events.events().stream().filter(e -> e.split().equals(Optional.of(0)))
                    .mapToLong(EventSummary::sequenceNr).min().orElseThrow();
            long mergedByThen = events.events().stream().filter(e -> e.sequenceNr() <= firstMerge)
                    .mapToLong(e -> e.records().orElse(0L)).sum();

            HistoricModel v1 = await(jobs.modelVersion(jobId, 1));
            assertEquals(trained, v1.model());
            assertEquals(Optional.of(1), v1.version());
            HistoricModel early = await(jobs.modelAsOf(jobId, firstMerge));
            assertEquals(Optional.empty(), early.version());
            assertEquals(mergedByThen, early.records());
            assertEquals(3, ((KMeansModel) early.model()).k());
            CompletionException beyond = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> await(jobs.modelAsOf(jobId, versionAt + 1)));
            assertInstanceOf(JobRejectedException.class, beyond.getCause());
            CompletionException unknown = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> await(jobs.versions("no-such-job")));
            assertInstanceOf(JobNotFoundException.class, unknown.getCause());
        }

        CliRun replayed = CliRun.of("replay", jobId, "--as-of", Long.toString(versionAt), "--data-dir",
                data.toString());
        assertEquals(0, replayed.exitCode(), replayed.err());
        JsonNode json = JsonSupport.mapper().readTree(replayed.out());
        assertEquals(1, json.get("version").asInt());
        assertEquals(3_000, json.get("records").asLong());
        float[][] centers = JsonSupport.mapper().treeToValue(json.get("model").get("centers"), float[][].class);
        assertEquals(trained, new KMeansModel(centers), "the replayed version is the trained model");

        CliRun partial = CliRun.of("replay", jobId, "--as-of", Long.toString(firstMerge), "--data-dir",
                data.toString());
        assertEquals(0, partial.exitCode(), partial.err());
        assertTrue(JsonSupport.mapper().readTree(partial.out()).get("version").isNull());

        CliRun tooFar = CliRun.of("replay", jobId, "--as-of", Long.toString(versionAt + 5), "--data-dir",
                data.toString());
        assertEquals(ExitCodes.USAGE, tooFar.exitCode());
        assertTrue(tooFar.err().contains("beyond the last event"), tooFar.err());

        CliRun nowhere = CliRun.of("replay", jobId, "--data-dir", dir.resolve("missing").toString());
        assertEquals(ExitCodes.USAGE, nowhere.exitCode());
        assertFalse(Files.exists(dir.resolve("missing")), "reading never creates a journal");
    }

    @Test
    void tuningFromTheStoredStateAddsAVersionThatReplayReadsBack() throws Exception {
        Path csv = dir.resolve("train.csv");
        Path validation = dir.resolve("validation.csv");
        GaussianBlobs blobs = new GaussianBlobs(3, 2, 0.5, 7L); // three well-separated blobs
        blobs.writeCsv(csv, 3_000, true);
        blobs.writeCsv(validation, 1_000, true);
        Path data = dir.resolve("node");
        JobSpec spec = new JobSpec("kmeans", Map.of("k", "3", "mini_batch_size", "100", "seed", "1"),
                DataInput.csv(csv.toString()), Optional.of(DataInput.csv(validation.toString())), Optional.empty(),
                2, 0, 0);
        String jobId;
        KMeansModel tuned;
        try (EmbeddedNode node = EmbeddedNode.start(data, false)) {
            JobService jobs = node.node().jobService();
            jobId = completedJob(jobs, spec);
            KMeansModel trained = (KMeansModel) await(jobs.model(jobId)).model();
            TuneOutcome outcome = await(jobs.tune(jobId, new TuneRequest("k", List.of("1", "2", "3", "4", "5", "6"),
                    Optional.empty(), OptionalDouble.empty())));
            assertEquals("3", outcome.result().chosenValue(), "the elbow of validation MSD is the true k");
            assertEquals(2, outcome.version());
            assertTrue(outcome.result().rows().get(0).scores().containsKey("validation_msd"));
            tuned = (KMeansModel) outcome.result().model();
            assertEquals(tuned, await(jobs.model(jobId)).model(), "the latest version is the tuned model");
            List<ModelVersion> versions = await(jobs.versions(jobId));
            assertEquals(List.of(1, 2), versions.stream().map(ModelVersion::version).toList());
            assertEquals(Map.of("k", "3"), versions.get(1).hyperParameters());
            CompletionException bad = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> await(jobs.tune(jobId, new TuneRequest("epochs", List.of("2"), Optional.empty(),
                            OptionalDouble.empty()))));
            assertEquals(Optional.of("parameter"), ((JobRejectedException) bad.getCause()).field());
            // A later version replaces the model the service decoded and kept for predictions.
            TuneOutcome two = await(jobs.tune(jobId, new TuneRequest("k", List.of("2"), Optional.empty(),
                    OptionalDouble.empty())));
            assertEquals(3, two.version());
            assertEquals(2, ((KMeansModel) await(jobs.model(jobId)).model()).k());
            assertEquals(3, trained.k());
        }
        CliRun replayed = CliRun.of("replay", jobId, "--version", "2", "--data-dir", data.toString());
        assertEquals(0, replayed.exitCode(), replayed.err());
        JsonNode json = JsonSupport.mapper().readTree(replayed.out());
        float[][] centers = JsonSupport.mapper().treeToValue(json.get("model").get("centers"), float[][].class);
        assertEquals(tuned, new KMeansModel(centers));
    }

    @Test
    void asOfAndVersionTogetherAreAUsageError() {
        CliRun both = CliRun.of("replay", "j", "--as-of", "3", "--version", "1", "--data-dir", "nowhere");
        assertEquals(ExitCodes.USAGE, both.exitCode());
        assertTrue(both.err().contains("either --as-of or --version"), both.err());
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CompletionException(e.getCause());
        }
    }

    /** Submits {@code spec} and waits until the job completed; its id. */
    private static String completedJob(JobService jobs, JobSpec spec) throws Exception {
        String jobId = await(jobs.submit(spec)).jobId();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JobStatus s;
        do {
            s = await(jobs.status(jobId));
            if (s.phase().isFinal()) break;
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertEquals(JobPhase.COMPLETED, s.phase(), String.valueOf(s.error()));
        return jobId;
    }
}
