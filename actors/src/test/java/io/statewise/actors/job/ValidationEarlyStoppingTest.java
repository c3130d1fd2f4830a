package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.actors.testing.NodeJobs;
import io.statewise.algorithms.data.synthetic.LinearRows;
import io.statewise.persistence.JournalDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A linear-learner job with validation data scores its packed models on it after every epoch: early stopping reads
 * the validation loss, the job ends as soon as every model has stopped, and the status reports each epoch.
 */
class ValidationEarlyStoppingTest {

    @Test
    void theJobStopsEarlyOnValidationLossAndReportsEveryEpoch(@TempDir Path dir) throws Exception {
        LinearRows data = new LinearRows(LinearRows.Kind.BINARY, 5, 0, 3.0, 11L);
        Path train = dir.resolve("train.csv");
        Path validation = dir.resolve("validation.csv");
        data.writeCsv(train, 4_000);
        data.writeCsv(validation, 1_000);
        JobSpec spec = new JobSpec("linear-learner", Map.of("predictor_type", "binary_classifier", "epochs", "15",
                "mini_batch_size", "100", "sync_every_batches", "4", "num_models", "4", "seed", "5",
                "early_stopping_patience", "1", "early_stopping_tolerance", "0.02"), DataInput.csv(train.toString()),
                Optional.of(DataInput.csv(validation.toString())), Optional.empty(), 2, 0, Files.size(train) / 3 + 1);
        NodeSettings node = new NodeSettings(dir.resolve("node"), "127.0.0.1", 0, List.of(),
                Optional.of(JournalDatabase.h2MemoryUrl("validation-early-stopping")));
        try (StatewiseNode running = StatewiseNode.start(node)) {
            JobStatus submitted = running.jobService().submit(spec).toCompletableFuture().get(30, TimeUnit.SECONDS);
            JobStatus done = NodeJobs.awaitFinal(running, submitted.jobId(), Duration.ofSeconds(90));
            assertEquals(JobPhase.COMPLETED, done.phase(), done.error().orElse(""));

            assertEquals(16, done.epochs(), "the scaler pass and 15 training epochs were scheduled");
            assertTrue(done.epoch() < done.epochs(), "every model stopped early, so the job ended at epoch "
                    + done.epoch() + ": " + done.epochReports());
            assertEquals(done.epoch(), done.epochReports().size(), "one report per completed epoch");
            assertTrue(done.epochReports().get(0).metrics().isEmpty(), "the scaler pass trains nothing");
            for (EpochReport r : done.epochReports().subList(1, done.epochReports().size())) {
                assertTrue(r.metrics().containsKey("validation_loss"), "scored on validation data: " + r);
                assertTrue(r.metrics().get("train_loss") > 0, "training loss reported: " + r);
            }
            Map<String, Double> last = done.epochReports().get(done.epochReports().size() - 1).metrics();
            assertEquals(0.0, last.get("models_training"), "the job ended because no model was still training");
            assertEquals(4.0, last.get("models_stopped_early") + last.get("models_diverged"));
            assertFalse(done.metrics().isEmpty(), "validation metrics of the final model");
            assertTrue(done.metrics().get("validation_accuracy") > 0.75, "a useful model: " + done.metrics());
        }
        // Epochs after the first replayed the parsed training and validation splits from the node's cache.
        try (var files = Files.list(dir.resolve("node").resolve("split-cache"))) {
            long cached = files.filter(f -> f.getFileName().toString().endsWith(".split")).count();
            assertTrue(cached >= 4, "3 training splits and the validation split cached, found " + cached);
        }
    }
}
