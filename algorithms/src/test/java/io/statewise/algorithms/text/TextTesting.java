package io.statewise.algorithms.text;

import io.statewise.algorithms.data.TextBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads text batches back as strings, for assertions. */
public final class TextTesting {

    private TextTesting() {}

    /** The tokens of document {@code i} of {@code batch}. */
    public static List<String> tokens(TextBatch batch, int i) {
        List<String> out = new ArrayList<>();
        for (int t = batch.documentStarts()[i]; t < batch.documentStarts()[i + 1]; t++) {
            int from = batch.tokenStarts()[t];
            out.add(new String(batch.bytes(), from, batch.tokenStarts()[t + 1] - from, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Every document of {@code batch}, as token lists. */
    public static List<List<String>> documents(TextBatch batch) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) out.add(tokens(batch, i));
        return out;
    }
}
