package io.statewise.algorithms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statewise.algorithms.data.DataException;
import io.statewise.algorithms.data.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabFileTest {

    @TempDir
    Path dir;

    @Test
    void termsRoundTripOnePerLineInIdOrder() {
        Path file = dir.resolve(VocabFile.FILE_NAME);
        Vocabulary v = new Vocabulary(List.of("straße", "東京", "café", "zeta"), new long[] {9, 8, 8, 1}, 0, 10);
        VocabFile.write(v, file);
        assertEquals(v.terms(), VocabFile.read(file, OptionalInt.of(4)));
        assertEquals(v.terms(), VocabFile.read(file, OptionalInt.empty()));
        VocabularyIndex index = VocabularyIndex.of(VocabFile.read(file, OptionalInt.empty()));
        assertEquals(1, index.id("東京"));
        assertEquals("café", index.term(2));
    }

    @Test
    void aSizeThatDisagreesWithFeatureDimIsAClearError() {
        Path file = dir.resolve(VocabFile.FILE_NAME);
        VocabFile.write(List.of("alpha", "beta", "gamma"), file);
        DataException e = assertThrows(DataException.class, () -> VocabFile.read(file, OptionalInt.of(4)));
        assertEquals(file + " has 3 terms but feature_dim is 4: the vocabulary must have exactly one term per feature,"
                + " in feature order", e.getMessage());
    }

    @Test
    void crlfAndAMissingFinalNewlineAreAcceptedBadLinesAreNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("crlf.txt"), "alpha\r\nbeta\r\ngamma");
        assertEquals(List.of("alpha", "beta", "gamma"), VocabFile.read(file, OptionalInt.of(3)));
        Path blank = Files.writeString(dir.resolve("blank.txt"), "alpha\n\nbeta\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> VocabFile.read(blank,
                OptionalInt.empty()));
        assertEquals(blank + ":2: empty term", e.getMessage());
        Path twice = Files.writeString(dir.resolve("twice.txt"), "alpha\nbeta\nalpha\n");
        assertEquals(twice + ":3: term 'alpha' repeats line 1", assertThrows(DataFormatException.class,
                () -> VocabFile.read(twice, OptionalInt.empty())).getMessage());
        Path bad = Files.write(dir.resolve("bad.txt"), new byte[] {'a', 'b', '\n', (byte) 0xC3, '\n'});
        assertEquals(bad + ":2: not valid UTF-8", assertThrows(DataFormatException.class,
                () -> VocabFile.read(bad, OptionalInt.empty())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> VocabFile.write(List.of("a\nb"), dir.resolve("x.txt")));
    }
}
