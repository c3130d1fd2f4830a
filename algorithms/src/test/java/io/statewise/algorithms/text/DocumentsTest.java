package io.statewise.algorithms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statewise.algorithms.data.TextBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    private static List<String> tokens(TextBatch batch, int document) {
        List<String> out = new ArrayList<>();
        int[] docs = batch.documentStarts();
        int[] starts = batch.tokenStarts();
        for (int t = docs[document]; t < docs[document + 1]; t++) {
            out.add(new String(batch.bytes(), starts[t], starts[t + 1] - starts[t], StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void keepsEveryWordSoThatAnyVocabularyFindsItsTerms() {
        TextBatch batch = Documents.tokenize(List.of("The Eagle, a falcon & I!", "", "Ölfeld über alles"));
        assertEquals(3, batch.size(), "one document per entry, the empty one too");
        assertEquals(List.of("the", "eagle", "a", "falcon", "i"), tokens(batch, 0),
                "lower-cased letter runs, stop words and one-letter words kept");
        assertEquals(List.of(), tokens(batch, 1));
        assertEquals(List.of("ölfeld", "über", "alles"), tokens(batch, 2));
    }
}
