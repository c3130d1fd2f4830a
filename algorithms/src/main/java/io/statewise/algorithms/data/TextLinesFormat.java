package io.statewise.algorithms.data;

import io.statewise.algorithms.text.TokenizerConfig;
import java.util.Objects;

/**
 * One document per line (as a corpus exported by {@code one sentence/post per line} tools). Splits are the line-aligned
 * ranges of {@link SplitPlanner} (equal in bytes or in lines); blank lines are empty documents.
 *
 * @param tokenizer how lines become tokens
 */
public record TextLinesFormat(TokenizerConfig tokenizer) implements TextFormat {

    public TextLinesFormat {
        Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /** English stop words, tokens of 2 to 50 letters. */
    public static TextLinesFormat defaults() {
        return new TextLinesFormat(TokenizerConfig.english());
    }

    /** True: one record per line. */
    @Override
    public boolean linesAreRecords() {
        return true;
    }

    @Override
    public TextSplitReader open(Split split, DataSchema schema, long maxBadRecords) {
        return new TextLinesReader(split, tokenizer);
    }
}
