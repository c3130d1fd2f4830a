package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.actors.service.TrainedModel;
import io.statewise.actors.testing.NodeJobs;
import io.statewise.algorithms.State;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.TextFilesFormat;
import io.statewise.algorithms.text.Vocabulary;
import io.statewise.algorithms.training.Trainer;
import io.statewise.persistence.JournalDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vocabulary job over a directory of documents on a real node, two workers, one file per split: its vocabulary is
 * the one a single pass over all documents computes, and validation text is scored against it.
 */
class TextVocabularyJobTest {

    private static final String[] WORDS = {"apple", "banana", "cherry", "date", "elder", "fig", "grape", "honeydew",
            "kiwi", "lemon", "mango", "nectarine"};
    private static final Map<String, String> PARAMS = Map.of("vocab_size", "6", "mini_batch_size", "4");

    @Test
    void aDistributedJobBuildsTheSingleVocabulary(@TempDir Path dir) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        for (int d = 0; d < 24; d++) {
            StringBuilder text = new StringBuilder("The ");
            for (int w = 0; w < WORDS.length; w++) {
                if ((d + 1) % (w + 1) == 0) text.append(WORDS[w]).append(w % 2 == 0 ? ", " : " and ");
            }
            Files.writeString(docs.resolve("doc-%02d.txt".formatted(d)), text + "the end.\n");
        }
        Path validation = dir.resolve("validation.txt");
        Files.writeString(validation, "apple banana zucchini\nunknown words only\n");
        JobSpec spec = new JobSpec("vocabulary", PARAMS,
                DataInput.text(DataInput.TEXT_FILES, TextOptions.defaults(), docs.toString()),
                Optional.of(DataInput.text(DataInput.TEXT, TextOptions.defaults(), validation.toString())),
                Optional.empty(), 2, 0, 1);

        NodeSettings node = new NodeSettings(dir.resolve("node"), "127.0.0.1", 0, List.of(),
                Optional.of(JournalDatabase.h2MemoryUrl("text-vocabulary-job")));
        try (StatewiseNode running = StatewiseNode.start(node)) {
            JobStatus submitted = running.jobService().submit(spec).toCompletableFuture().get(30, TimeUnit.SECONDS);
            JobStatus done = NodeJobs.awaitFinal(running, submitted.jobId(), Duration.ofSeconds(60));
            assertEquals(JobPhase.COMPLETED, done.phase(), done.error().orElse(""));
            assertEquals(24, done.records(), "every file is one document");
            TrainedModel trained = running.jobService().model(submitted.jobId()).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);

            Vocabulary vocabulary = (Vocabulary) trained.model();
            assertEquals(singlePass(docs), vocabulary);
            assertEquals(List.of("apple", "end", "banana", "cherry", "date", "elder"), vocabulary.terms(),
                    "by document frequency, ties by bytes; 'the' is a stop word");
            assertEquals(List.of(24L, 24L, 12L, 8L, 6L, 4L),
                    Arrays.stream(vocabulary.documentFrequencies()).boxed().toList());
            assertEquals(0, vocabulary.maxError(), "13 distinct terms fit the 24 counters: exact");
            assertEquals(2.0, done.metrics().get("validation_documents"));
            assertTrue(done.metrics().get("validation_oov_rate") > 0.5, done.metrics().toString());
        }
    }

    /** The reference: one split over every document, no merge. */
    private static Vocabulary singlePass(Path docs) {
        TextFilesFormat format = TextFilesFormat.defaults();
        Split all = format.plan(List.of(docs.toAbsolutePath()), Long.MAX_VALUE).get(0);
        Trainer trainer = Trainer.create("vocabulary", PARAMS);
        State base = trainer.emptyState(DataSchema.TEXT);
        State state = trainer.trainSplit(base, all, format, DataSchema.TEXT, 0, 0, new AtomicLong(), () -> false)
                .partial();
        return (Vocabulary) trainer.finalizeModel(state);
    }
}
