package io.statewise.bench;

import io.statewise.algorithms.State;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.SplitPlanner;
import io.statewise.algorithms.data.SplitReader;
import io.statewise.algorithms.data.TextBatch;
import io.statewise.algorithms.data.TextLinesFormat;
import io.statewise.algorithms.text.BagOfWords;
import io.statewise.algorithms.text.VocabFile;
import io.statewise.algorithms.text.Vocabulary;
import io.statewise.algorithms.text.VocabularyIndex;
import io.statewise.algorithms.training.SplitOutcome;
import io.statewise.algorithms.training.Trainer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prepares the topic-model benchmark's shared input, so that Statewise's NTM and scikit-learn's LDA see the same
 * documents and the same vocabulary: Statewise's own vocabulary pass (algorithm {@code vocabulary}: English stop words,
 * tokens of at least 2 letters) over the training documents (one per line), then both document sets as LibSVM
 * bag-of-words counts over that vocabulary (label 0, 1-based word ids; documents left without an in-vocabulary word
 * are dropped from both files).
 *
 * <p>{@code TextToBow <train.txt> <test.txt> <vocab_size> <out-dir>} writes {@code vocab.txt}, {@code train.svm} and
 * {@code test.svm} and prints {@code {"vocabulary": V, "train_documents": n, "test_documents": m, ...}}.
 */
public final class TextToBow {

    private static final int BATCH = 1000;

    private TextToBow() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: TextToBow <train.txt> <test.txt> <vocab_size> <out-dir>");
            System.exit(2);
        }
        Path train = Path.of(args[0]);
        Path test = Path.of(args[1]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out);
        DataFormat format = TextLinesFormat.defaults();
        DataSchema schema = format.schema(1);

        Trainer trainer = Trainer.create("vocabulary", Map.of("vocab_size", args[2], "mini_batch_size", BATCH));
        State base = trainer.emptyState(schema);
        State merged = base;
        for (Split split : SplitPlanner.plan(List.of(train), 32L << 20)) {
            SplitOutcome o = trainer.trainSplit(base, split, format, schema, 0, 0, new AtomicLong(), () -> false);
            merged = trainer.merge(merged, o.partial());
        }
        Vocabulary vocabulary = (Vocabulary) trainer.finalizeModel(trainer.completeEpoch(base, merged));
        VocabFile.write(vocabulary, out.resolve(VocabFile.FILE_NAME));
        VocabularyIndex index = VocabularyIndex.of(vocabulary);

        long[] trainCounts = writeLibSvm(train, out.resolve("train.svm"), format, schema, index);
        long[] testCounts = writeLibSvm(test, out.resolve("test.svm"), format, schema, index);
        System.out.println(new Json()
                .put("vocabulary", index.size())
                .put("train_documents", trainCounts[0])
                .put("train_dropped", trainCounts[1])
                .put("train_tokens", trainCounts[2])
                .put("test_documents", testCounts[0])
                .put("test_dropped", testCounts[1])
                .put("test_tokens", testCounts[2]));
    }

    /** Writes the bags of words of {@code in}'s documents; returns documents written, dropped, in-vocabulary tokens. */
    private static long[] writeLibSvm(Path in, Path out, DataFormat format, DataSchema schema, VocabularyIndex index)
            throws IOException {
        BagOfWords bags = new BagOfWords(index, false);
        TextBatch text = (TextBatch) format.newBatch(BATCH, schema);
        SparseBatch bow = bags.newBatch(BATCH);
        long written = 0;
        long tokens = 0;
        StringBuilder line = new StringBuilder();
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Split split : SplitPlanner.plan(List.of(in), 32L << 20)) {
                try (SplitReader reader = format.open(split, schema, 0)) {
                    while (reader.next(text)) {
                        int n = bags.convert(text, bow);
                        int[] start = bow.rowStart();
                        for (int i = 0; i < n; i++) {
                            line.setLength(0);
                            line.append('0');
                            for (int p = start[i]; p < start[i + 1]; p++) {
                                int count = (int) bow.values()[p];
                                line.append(' ').append(bow.indices()[p] + 1).append(':').append(count);
                                tokens += count;
                            }
                            w.append(line).append('\n');
                        }
                        written += n;
                    }
                }
            }
        }
        return new long[] {written, bags.emptyDocuments(), tokens};
    }
}
