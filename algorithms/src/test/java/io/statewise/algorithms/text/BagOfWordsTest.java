package io.statewise.algorithms.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.data.TextBatch;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BagOfWordsTest {

    private static final VocabularyIndex INDEX = VocabularyIndex.of(List.of("zeta", "alpha", "café", "beta"));

    private static final TextBatch DOCS = TextBatch.of(
            new String[] {"beta", "alpha", "beta", "unknown", "zeta", "beta"},
            new String[] {"nothing", "known"},
            new String[] {"café"});

    @Test
    void countsAreIndexedByVocabularyIdInIncreasingOrder() {
        BagOfWords bow = new BagOfWords(INDEX, false);
        SparseBatch out = bow.newBatch(4);
        assertEquals(2, bow.convert(DOCS, out));
        assertArrayEquals(new int[] {0, 3, 4}, Arrays.copyOf(out.rowStart(), 3));
        assertArrayEquals(new int[] {0, 1, 3, 2}, Arrays.copyOf(out.indices(), 4));
        assertArrayEquals(new float[] {1, 1, 3, 1}, Arrays.copyOf(out.values(), 4));
        assertEquals(3, bow.documents());
        assertEquals(1, bow.emptyDocuments());
        assertEquals(9, bow.tokens());
        assertEquals(3, bow.outOfVocabularyTokens());
        // the scratch is reset: converting again gives the same rows
        bow.convert(DOCS, out);
        assertArrayEquals(new float[] {1, 1, 3, 1}, Arrays.copyOf(out.values(), 4));
    }

    @Test
    void emptyDocumentsCanBeKeptSoRowsLineUpWithDocuments() {
        BagOfWords bow = new BagOfWords(INDEX, true);
        SparseBatch out = bow.newBatch(3);
        assertEquals(3, bow.convert(DOCS, out));
        assertArrayEquals(new int[] {0, 3, 3, 4}, out.rowStart());
        assertEquals(1, bow.emptyDocuments());
    }

    @Test
    void anOutputBatchThatCannotHoldTheDocumentsIsRejected() {
        BagOfWords bow = new BagOfWords(INDEX, false);
        assertThrows(IllegalArgumentException.class, () -> bow.convert(DOCS, bow.newBatch(2)));
        assertThrows(IllegalArgumentException.class, () -> bow.convert(DOCS, new SparseBatch(3, 5)));
        assertThrows(IllegalArgumentException.class, () -> VocabularyIndex.of(List.of("a", "b", "a")));
        assertEquals(-1, INDEX.id("unknown"));
    }
}
