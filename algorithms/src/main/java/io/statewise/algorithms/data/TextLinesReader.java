package io.statewise.algorithms.data;

import io.statewise.algorithms.text.TokenizerConfig;

/** Reads a split of a {@link TextLinesFormat} file: every line is a document. */
final class TextLinesReader extends TextSplitReader {

    private final SplitLines lines;

    TextLinesReader(Split split, TokenizerConfig tokenizer) {
        super(split, tokenizer, 0);
        this.lines = new SplitLines(split, true);
    }

    @Override
    boolean nextDocument(TextBatch batch) {
        if (!lines.next()) return false;
        tokenizer.tokenize(lines.buf, lines.from, lines.to, batch);
        return true;
    }

    @Override
    public void close() {
        lines.close();
    }
}
