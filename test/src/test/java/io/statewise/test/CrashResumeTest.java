package io.statewise.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.algorithms.data.synthetic.LinearRows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node in its own JVM is killed with SIGKILL in the middle of a multi-epoch job, restarted on the same data
 * directory, and finishes the job with exactly the model of an uninterrupted run.
 */
@Tag("integration")
class CrashResumeTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dir;
    @RegisterExtension
    final Nodes nodes = new Nodes();

    @Test
    void killedNodeResumesAndProducesTheUninterruptedModel() throws Exception {
        Path data = dir.resolve("blobs.csv");
        new GaussianBlobs(6, 8, 13L).writeCsv(data, 30_000, true);
        String spec = KMeansJobs.spec(data, 6, 12, 21, 2, 60_000);
        KilledAndResumed run = killAtEpochAndResume(spec, dir.resolve("node"), 3);
        assertEquals(12L * 30_000, run.resumed().path("records").asLong(), "every split merged once per epoch");
        assertEquals(run.model(run.uninterruptedId()).path("centers"), run.model(run.jobId()).path("centers"));
    }

    @Test
    void killedNodeResumesAParameterServerJobMidEpochWithoutApplyingAnySegmentTwice() throws Exception {
        Path train = dir.resolve("logistic.csv");
        new LinearRows(LinearRows.Kind.BINARY, 4, 0, 2.5, 5L).writeCsv(train, 20_000);
        String spec = """
                {"algorithm":"linear-learner","hyperparameters":{"predictor_type":"binary_classifier","epochs":8,
                 "mini_batch_size":100,"sync_every_batches":5,"num_models":8,"seed":3},
                 "train":{"paths":["%s"]},"test":{"paths":["%s"]},"parallelism":2,"split_size_bytes":40000}
                """.formatted(train.toString().replace("\\", "/"), train.toString().replace("\\", "/"));
        KilledAndResumed run = killAtEpochAndResume(spec, dir.resolve("linear-node"), 3);
        // Asynchronous averaging makes the weights timing-dependent, but every segment of every split is applied
        // exactly once in both runs: the same records, and a model of the same quality.
        assertEquals(run.uninterrupted().path("records").asLong(), run.resumed().path("records").asLong());
        double resumedAccuracy = run.resumed().path("metrics").path("test_accuracy").asDouble();
        double referenceAccuracy = run.uninterrupted().path("metrics").path("test_accuracy").asDouble();
        assertTrue(resumedAccuracy > 0.75, "accuracy after resume " + resumedAccuracy);
        assertEquals(referenceAccuracy, resumedAccuracy, 0.02);
    }

    @Test
    void killedNodeResumesATopicModelOnTextAfterItsVocabularyEpoch() throws Exception {
        Path train = dir.resolve("documents.txt");
        Path validation = dir.resolve("validation.txt");
        TopicCorpus.write(train, 1_500, 1L);
        TopicCorpus.write(validation, 300, 2L);
        String spec = """
                {"algorithm":"ntm","hyperparameters":{"num_topics":3,"vocab_size":18,"epochs":40,"mini_batch_size":50,
                  "optimizer":"adam","learning_rate":0.01,"batch_norm":true,"num_patience_epochs":40,"seed":4},
                 "train":{"paths":["%s"],"format":"text"},"validation":{"paths":["%s"],"format":"text"},
                 "parallelism":2,"split_size_bytes":20000}
                """.formatted(train.toString().replace("\\", "/"), validation.toString().replace("\\", "/"));
        KilledAndResumed run = killAtEpochAndResume(spec, dir.resolve("ntm-node"), 4);
        // Every segment applied once in both runs: the same documents. Asynchronous averaging makes each run's
        // topics timing-dependent, so the models are compared by quality: both trained well past their first epoch.
        JsonNode resumed = run.resumed();
        assertEquals(run.uninterrupted().path("records").asLong(), resumed.path("records").asLong());
        assertEquals(18, run.model(run.jobId()).path("feature_dim").asInt(), "the vocabulary built before the kill");
        double firstEpochLoss = resumed.path("epochs_completed").get(1).path("metrics").path("validation_loss")
                .asDouble();
        double resumedLoss = resumed.path("metrics").path("validation_total_loss").asDouble();
        double referenceLoss = run.uninterrupted().path("metrics").path("validation_total_loss").asDouble();
        assertTrue(resumedLoss > 0 && resumedLoss < 0.9 * firstEpochLoss, "the resumed job went on training: "
                + resumedLoss + " after " + firstEpochLoss + " at its first training epoch");
        assertEquals(referenceLoss, resumedLoss, 0.1 * referenceLoss, "resumed vs uninterrupted validation loss");
    }

    /**
     * A job killed at an epoch and resumed, and the same spec run again without a kill, on the node that resumed it.
     *
     * @param resumed       the resumed job's final status
     * @param uninterrupted the uninterrupted job's final status
     */
    private record KilledAndResumed(NodeProcess node, String jobId, JsonNode resumed, String uninterruptedId,
                                    JsonNode uninterrupted) {
        JsonNode model(String id) throws Exception {
            return node.http().get("/v1/jobs/" + id + "/model").body().path("model");
        }
    }

    /**
     * Submits {@code spec} to a node on {@code dataDir}, kills the node ({@code kill -9}) once the job reached
     * {@code epoch}, starts a node on the same directory and waits for the resumed job to complete, then runs the
     * same spec again on that node, uninterrupted.
     */
    private KilledAndResumed killAtEpochAndResume(String spec, Path dataDir, int epoch) throws Exception {
        NodeProcess first = nodes.start(dataDir, Map.of());
        Http.Response submitted = first.http().post("/v1/jobs", spec);
        assertEquals(202, submitted.status(), submitted.body().toString());
        String jobId = submitted.body().path("job_id").asText();
        JsonNode before = first.http().awaitEpoch(jobId, epoch, JOB_TIMEOUT);
        first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(before.path("epoch").asInt() < before.path("epochs").asInt()
                && "training".equals(before.path("phase").asText()), "killed mid-training: " + before);

        NodeProcess second = nodes.start(dataDir, Map.of());
        JsonNode resumed = second.http().awaitFinal(jobId, JOB_TIMEOUT);
        assertEquals("completed", resumed.path("phase").asText(), resumed.toString());
        Http.Response again = second.http().post("/v1/jobs", spec);
        String againId = again.body().path("job_id").asText();
        JsonNode uninterrupted = second.http().awaitFinal(againId, JOB_TIMEOUT);
        assertEquals("completed", uninterrupted.path("phase").asText());
        return new KilledAndResumed(second, jobId, resumed, againId, uninterrupted);
    }
}
