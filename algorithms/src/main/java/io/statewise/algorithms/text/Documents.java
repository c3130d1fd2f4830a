package io.statewise.algorithms.text;

import io.statewise.algorithms.data.TextBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Raw documents (strings from an API request) as a {@link TextBatch}, for models that read text. Tokenizes with the
 * widest settings (tokens of any length up to {@link TokenizerConfig#DEFAULT_MAX_LENGTH} letters, no stop words): a
 * model's vocabulary was built under its job's settings, so its terms survive this tokenization and every other
 * token is dropped by the vocabulary anyway.
 */
public final class Documents {

    private static final TokenizerConfig WIDEST =
            new TokenizerConfig(1, TokenizerConfig.DEFAULT_MAX_LENGTH, List.of());

    private Documents() {}

    /** The documents, one per entry (an empty document stays, with no token). */
    public static TextBatch tokenize(List<String> documents) {
        TextBatch batch = new TextBatch(Math.max(1, documents.size()));
        Tokenizer tokenizer = new Tokenizer(WIDEST);
        for (String document : documents) {
            byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
            tokenizer.tokenize(bytes, 0, bytes.length, batch);
            batch.commitDocument(0);
        }
        return batch;
    }
}
