package io.statewise.algorithms.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statewise.algorithms.State;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.TextBatch;
import io.statewise.algorithms.data.TextFilesFormat;
import io.statewise.algorithms.data.TextSplitReader;
import io.statewise.algorithms.training.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text half of issue 5 end to end, as the runtime will drive it: a directory of documents is planned into
 * splits, each split's partial vocabulary state is trained through the {@link Trainer}, partials merge into the
 * vocabulary, which goes to {@code vocab.txt} and back, and the documents become bag-of-words counts over it.
 */
class TextPipelineTest {

    private static final DataSchema TEXT = DataSchema.TEXT;

    @TempDir
    Path dir;

    @Test
    void filesToVocabularyToBagOfWords() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "The cat sat on the mat. The CAT!");
        Files.writeString(corpus.resolve("b.txt"), "A dog and a cat.");
        Files.writeString(corpus.resolve("c.txt"), "Dogs, cats & mice: 42 of them.");
        Files.writeString(corpus.resolve("d.txt"), "   ");
        Files.writeString(corpus.resolve("e.txt"), "the mat, the dog");
        TextFilesFormat format = TextFilesFormat.defaults();
        List<Split> splits = format.plan(List.of(corpus), 1);
        assertEquals(5, splits.size());

        Trainer trainer = Trainer.create("vocabulary", Map.of("vocab_size", 4));
        State base = trainer.emptyState(TEXT);
        State merged = null;
        for (Split split : splits) {
            State partial = trainer.trainSplit(base, split, format, TEXT, split.id(), 0, new AtomicLong(),
                    () -> false).partial();
            merged = merged == null ? partial : trainer.merge(merged, partial);
        }
        Vocabulary vocabulary = (Vocabulary) trainer.finalizeModel(merged);
        assertEquals(List.of("cat", "dog", "mat", "cats"), vocabulary.terms());
        assertArrayEquals(new long[] {2, 2, 2, 1}, vocabulary.documentFrequencies());
        assertEquals(4, vocabulary.documents(), "the blank file is not a document");

        Path vocabFile = dir.resolve(VocabFile.FILE_NAME);
        VocabFile.write(vocabulary, vocabFile);
        VocabularyIndex index = VocabularyIndex.of(VocabFile.read(vocabFile, OptionalInt.of(4)));
        BagOfWords bagOfWords = new BagOfWords(index, false);
        SparseBatch counts = bagOfWords.newBatch(8);
        TextBatch documents = format.newBatch(8, TEXT);
        try (TextSplitReader reader = format.open(format.plan(List.of(corpus), Long.MAX_VALUE).get(0), TEXT, 0)) {
            reader.next(documents);
            assertEquals(1, reader.emptyDocuments());
        }
        assertEquals(4, bagOfWords.convert(documents, counts));
        assertArrayEquals(new int[] {0, 2, 4, 5, 7}, Arrays.copyOf(counts.rowStart(), 5));
        assertArrayEquals(new int[] {0, 2, 0, 1, 3, 1, 2}, Arrays.copyOf(counts.indices(), 7));
        assertArrayEquals(new float[] {2, 1, 1, 1, 1, 1, 1}, Arrays.copyOf(counts.values(), 7));
        assertEquals(3, bagOfWords.outOfVocabularyTokens()); // sat, dogs, mice
    }
}
