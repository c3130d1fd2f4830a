package io.statewise.algorithms.text;

import io.statewise.algorithms.State;
import io.statewise.algorithms.data.TextBatch;

/**
 * The state of the vocabulary pass: a {@link FrequentTerms} summary of document frequencies (each term counted once
 * per document, however often it occurs there) with {@code capacity} counters, plus the number of documents. Terms
 * longer than {@code maxTermBytes} bytes are not counted (they are counted as skipped), which bounds the encoding:
 * {@link #serializedSize()} depends on the capacity and {@code maxTermBytes} only.
 *
 * <p>Mutable, confined to one thread. The per-document term set used to count a term once per document is scratch:
 * allocated once, reused, never encoded.
 */
public final class VocabularyState implements State {

    final FrequentTerms frequent;
    final int maxTermBytes;
    long documents;
    long skippedTerms;
    /** Malformed UTF-8 sequences in the text read, replaced by separators. */
    long malformedSequences;
    private transient TermTable documentTerms;

    VocabularyState(int capacity, int maxTermBytes) {
        if (maxTermBytes < 1 || maxTermBytes > VocabularyStateCodec.MAX_TERM_BYTES) {
            throw new IllegalArgumentException("maxTermBytes must be in [1, " + VocabularyStateCodec.MAX_TERM_BYTES
                    + "], got " + maxTermBytes);
        }
        this.frequent = new FrequentTerms(capacity, Math.min(maxTermBytes, 12));
        this.maxTermBytes = maxTermBytes;
    }

    private VocabularyState(FrequentTerms frequent, int maxTermBytes) {
        this.frequent = frequent;
        this.maxTermBytes = maxTermBytes;
    }

    /** Documents seen. */
    @Override
    public long records() {
        return documents;
    }

    @Override
    public long serializedSize() {
        return VocabularyStateCodec.encodedSize(frequent.capacity(), maxTermBytes);
    }

    /** Counters the state keeps ({@code capacity_factor * vocab_size}). */
    public int capacity() {
        return frequent.capacity();
    }

    /** Terms counted, each once per document: the stream length of the summary. */
    public long termDocuments() {
        return frequent.length();
    }

    /** The most a term's true document frequency can exceed its counted one. */
    public long maxError() {
        return frequent.offset();
    }

    /** Term occurrences (once per document) longer than {@link #maxTermBytes()} bytes, hence not counted. */
    public long skippedTerms() {
        return skippedTerms;
    }

    /** Malformed UTF-8 sequences in the documents read (replaced by separators, never fatal). */
    public long malformedSequences() {
        return malformedSequences;
    }

    /** The longest term counted, in UTF-8 bytes. */
    public int maxTermBytes() {
        return maxTermBytes;
    }

    /** Adds every document of {@code batch}: each distinct term of a document once. Keeps no reference to it. */
    void add(TextBatch batch) {
        if (documentTerms == null) documentTerms = new TermTable(256, 8);
        byte[] bytes = batch.bytes();
        int[] tokenStarts = batch.tokenStarts();
        int[] documentStarts = batch.documentStarts();
        for (int d = 0; d < batch.size(); d++) {
            documentTerms.clear();
            for (int t = documentStarts[d]; t < documentStarts[d + 1]; t++) {
                int from = tokenStarts[t];
                int length = tokenStarts[t + 1] - from;
                int hash = TermHash.of(bytes, from, length);
                if (documentTerms.find(bytes, from, length, hash) >= 0) continue;
                documentTerms.add(bytes, from, length, hash);
                if (length > maxTermBytes) skippedTerms++;
                else frequent.add(bytes, from, length, hash);
            }
        }
        documents += batch.size();
        malformedSequences += batch.malformedSequences();
    }

    /** The merge of two states into a new one; see {@link FrequentTerms#merge}. */
    static VocabularyState merge(VocabularyState a, VocabularyState b) {
        if (a.maxTermBytes != b.maxTermBytes || a.capacity() != b.capacity()) {
            throw new IllegalArgumentException("vocabulary states of different shapes: capacity " + a.capacity()
                    + " vs " + b.capacity() + ", max term bytes " + a.maxTermBytes + " vs " + b.maxTermBytes);
        }
        VocabularyState out = new VocabularyState(FrequentTerms.merge(a.frequent, b.frequent), a.maxTermBytes);
        out.documents = a.documents + b.documents;
        out.skippedTerms = a.skippedTerms + b.skippedTerms;
        out.malformedSequences = a.malformedSequences + b.malformedSequences;
        return out;
    }

    @Override
    public String toString() {
        return "VocabularyState[documents=" + documents + ", counters=" + frequent.size() + "/" + capacity()
                + ", maxError=" + maxError() + "]";
    }
}
