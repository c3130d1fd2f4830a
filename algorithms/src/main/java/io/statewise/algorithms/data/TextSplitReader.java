package io.statewise.algorithms.data;

import io.statewise.algorithms.text.TokenCounts;
import io.statewise.algorithms.text.Tokenizer;
import io.statewise.algorithms.text.TokenizerConfig;
import java.util.Optional;

/**
 * Reads the documents of one {@link Split} of a {@link TextFormat} into reusable {@link TextBatch}es, tokenizing as
 * it goes. The subclasses find documents (lines, files, CSV fields) and hand their bytes to the {@link Tokenizer};
 * this class fills batches, skips documents left without a token, and keeps the counts. No object is allocated per
 * document or token.
 *
 * <p>Not thread-safe: one reader per split per thread.
 */
public abstract sealed class TextSplitReader implements SplitReader
        permits TextLinesReader, TextFilesReader, TextCsvReader {

    /** The split being read. */
    protected final Split split;
    /** Tokenizes every document of the split. */
    protected final Tokenizer tokenizer;
    /** The {@code max_bad_records} policy; only formats with malformed records ({@link TextCsvFormat}) spend it. */
    final BadRecordBudget badRecords;
    private long records;
    private long emptyDocuments;

    TextSplitReader(Split split, TokenizerConfig tokenizer, long maxBadRecords) {
        this.split = split;
        this.tokenizer = new Tokenizer(tokenizer);
        this.badRecords = new BadRecordBudget(split, maxBadRecords);
    }

    /**
     * Appends the tokens of the split's next document to the document {@code batch} is building (possibly none).
     *
     * @return false at the end of the split
     */
    abstract boolean nextDocument(TextBatch batch);

    /**
     * Clears {@code batch} and fills it with up to {@code batch.capacity()} documents of the split that have at least
     * one token.
     *
     * @throws IllegalArgumentException if {@code batch} is not a {@link TextBatch}
     */
    @Override
    public boolean next(Batch batch) {
        if (!(batch instanceof TextBatch text)) {
            throw new IllegalArgumentException("a text reader fills text batches, not "
                    + batch.getClass().getSimpleName() + " (" + split.path() + ")");
        }
        text.clear();
        while (!text.isFull() && nextDocument(text)) {
            if (text.pendingTokens() > 0) {
                text.commitDocument(0);
                records++;
            } else {
                emptyDocuments++;
            }
        }
        return text.size() > 0;
    }

    /** Documents with at least one token read so far. */
    @Override
    public long records() {
        return records;
    }

    /** Documents skipped so far for having no token (blank, or only separators, short tokens and stop words). */
    public long emptyDocuments() {
        return emptyDocuments;
    }

    /** What the tokenizer kept, dropped and replaced so far. */
    public TokenCounts tokenCounts() {
        return tokenizer.counts();
    }

    /** Bad records skipped so far: always 0 unless the format has records that can be malformed. */
    @Override
    public long badRecords() {
        return badRecords.count();
    }

    @Override
    public Optional<DataFormatException> firstBadRecordError() {
        return badRecords.first();
    }

    @Override
    public Split split() {
        return split;
    }
}
