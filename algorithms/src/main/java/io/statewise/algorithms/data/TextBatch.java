package io.statewise.algorithms.data;

import java.util.Arrays;

/**
 * A reusable mini-batch of tokenized documents. Every token is a span of one byte buffer holding normalized UTF-8
 * (lower-cased letters, see {@code io.statewise.algorithms.text.Tokenizer}); token {@code t} is
 * {@code bytes()[tokenStarts()[t] .. tokenStarts()[t+1])}, and document {@code i} owns tokens
 * {@code documentStarts()[i] .. documentStarts()[i+1])}. The arrays grow to the largest batch and are then reused, so a
 * steady stream allocates nothing: no object per token or per document.
 *
 * <p>Documents have no fixed feature space, so {@link #dimension()} is 0; numeric algorithms reject text batches
 * (see {@link Batch#numeric}) and read them only after a conversion to bag-of-words counts
 * ({@code io.statewise.algorithms.text.BagOfWords}).
 *
 * <p>Writers (tokenizers) append the bytes of a token after {@link #reserveBytes}, end it with {@link #commitToken},
 * and end a document with {@link #commitDocument} (or drop its tokens with {@link #abandonDocument}). Mutable,
 * single-threaded.
 */
public final class TextBatch implements Batch {
    private final int capacity;
    private final int[] documentStarts;
    private final float[] labels;
    private byte[] bytes;
    private int[] tokenStarts;
    private int size;
    private int tokens;
    private long malformedSequences;

    /**
     * An empty batch.
     *
     * @param capacity the most documents it holds, at least 1
     */
    public TextBatch(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        this.capacity = capacity;
        this.documentStarts = new int[capacity + 1];
        this.labels = new float[capacity];
        this.tokenStarts = new int[Math.max(16, capacity * 16) + 1];
        this.bytes = new byte[Math.max(64, capacity * 128)];
    }

    /** A batch holding the given documents, each a list of tokens already normalized (for tests and small inputs). */
    public static TextBatch of(String[]... documents) {
        TextBatch batch = new TextBatch(Math.max(1, documents.length));
        for (String[] document : documents) {
            for (String token : document) {
                byte[] utf8 = token.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int at = batch.reserveBytes(utf8.length);
                System.arraycopy(utf8, 0, batch.bytes, at, utf8.length);
                batch.commitToken(at + utf8.length);
            }
            batch.commitDocument(0);
        }
        return batch;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    /** 0: documents have no fixed feature space. */
    @Override
    public int dimension() {
        return 0;
    }

    /** Documents currently held. */
    @Override
    public int size() {
        return size;
    }

    /** Labels of the documents (0 for unlabeled text); only the first {@code size()} are valid. Owned by the batch. */
    @Override
    public float[] labels() {
        return labels;
    }

    @Override
    public void clear() {
        size = 0;
        tokens = 0;
        malformedSequences = 0;
    }

    /**
     * Malformed UTF-8 sequences the tokenizer replaced by separators while filling this batch (documents abandoned
     * afterwards included): what algorithms count so that a job can report input that was not clean UTF-8.
     */
    public long malformedSequences() {
        return malformedSequences;
    }

    /** Counts {@code n} more malformed UTF-8 sequences read into this batch. */
    public void addMalformedSequences(long n) {
        malformedSequences += n;
    }

    /** The token text, normalized UTF-8. Owned by the batch; may be replaced when it grows. */
    public byte[] bytes() {
        return bytes;
    }

    /** Token starts in {@link #bytes()}: token {@code t} ends where token {@code t + 1} starts. Owned by the batch. */
    public int[] tokenStarts() {
        return tokenStarts;
    }

    /** Document starts in token numbers: document {@code i} owns tokens {@code [starts[i], starts[i+1])}. */
    public int[] documentStarts() {
        return documentStarts;
    }

    /** Tokens held, over all committed documents. */
    public int tokens() {
        return tokens;
    }

    /** Bytes held by committed tokens. */
    public int byteCount() {
        return tokenStarts[tokens];
    }

    /** Tokens of document {@code i}, in order. */
    public int documentLength(int i) {
        return documentStarts[i + 1] - documentStarts[i];
    }

    /** Tokens appended to the document being built (not yet committed). */
    public int pendingTokens() {
        return tokens - documentStarts[size];
    }

    /**
     * Makes room for {@code more} bytes after the last committed token, growing the buffer if needed.
     *
     * @return the offset in {@link #bytes()} (fetched after this call) where the next token's bytes go
     */
    public int reserveBytes(int more) {
        int at = tokenStarts[tokens];
        long needed = (long) at + more;
        if (needed > bytes.length) {
            long length = Math.max(needed, 2L * bytes.length);
            if (length > Integer.MAX_VALUE - 8) throw new IllegalStateException("too much text in one batch: "
                    + needed);
            bytes = Arrays.copyOf(bytes, (int) length);
        }
        return at;
    }

    /**
     * Ends a token of the document being built whose bytes the caller wrote, after {@link #reserveBytes}, up to
     * {@code end}.
     */
    public void commitToken(int end) {
        if (end <= tokenStarts[tokens] || end > bytes.length) {
            throw new IllegalArgumentException("token end " + end + " outside (" + tokenStarts[tokens] + ", "
                    + bytes.length + "]");
        }
        if (tokens + 1 == tokenStarts.length) tokenStarts = Arrays.copyOf(tokenStarts, tokenStarts.length * 2);
        tokens++;
        tokenStarts[tokens] = end;
    }

    /** Ends the document being built, with its label. */
    public void commitDocument(float label) {
        if (size == capacity) throw new IllegalStateException("batch is full");
        labels[size] = label;
        size++;
        documentStarts[size] = tokens;
    }

    /** Drops the tokens appended to the document being built (an empty or bad document). */
    public void abandonDocument() {
        tokens = documentStarts[size];
    }
}
