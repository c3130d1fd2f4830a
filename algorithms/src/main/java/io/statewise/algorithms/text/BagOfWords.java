package io.statewise.algorithms.text;

import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.data.TextBatch;
import java.util.Arrays;

/**
 * Turns tokenized documents into bag-of-words count vectors over a vocabulary: record {@code i} of the output is
 * document {@code i}'s non-zero term counts, indexed by vocabulary id in increasing order, the input that NTM and other
 * bag-of-words models read. Tokens outside the vocabulary are dropped and counted, and so are documents left without
 * an in-vocabulary token: skipped by default (an all-zero vector has no topic to learn from), or kept as empty rows
 * when output rows must line up with input documents (scoring).
 *
 * <p>Per-document scratch (counts by id and the ids touched) is allocated once and reused; nothing is allocated per
 * document or token. Mutable (its counts), single-threaded.
 */
public final class BagOfWords {

    private final VocabularyIndex index;
    private final boolean keepEmptyDocuments;
    private final int[] counts;
    private int[] touched = new int[64];
    private long documents;
    private long emptyDocuments;
    private long tokens;
    private long outOfVocabulary;

    /**
     * A converter over {@code index}.
     *
     * @param keepEmptyDocuments whether a document without an in-vocabulary token becomes an empty row (else it is
     *                           skipped); counted either way
     */
    public BagOfWords(VocabularyIndex index, boolean keepEmptyDocuments) {
        if (index.size() == 0) throw new IllegalArgumentException("the vocabulary is empty");
        this.index = index;
        this.keepEmptyDocuments = keepEmptyDocuments;
        this.counts = new int[index.size()];
    }

    /** A batch that can take the output for text batches of {@code capacity} documents. */
    public SparseBatch newBatch(int capacity) {
        return new SparseBatch(capacity, index.size());
    }

    /**
     * Clears {@code out} and fills it with the count vectors of {@code in}'s documents (labels carried over).
     *
     * @param in  tokenized documents. Not modified, not retained.
     * @param out of dimension {@code index.size()} and capacity at least {@code in.size()}. Modified.
     * @return documents written to {@code out}
     */
    public int convert(TextBatch in, SparseBatch out) {
        if (out.dimension() != index.size() || out.capacity() < in.size()) {
            throw new IllegalArgumentException("output batch of dimension " + out.dimension() + " and capacity "
                    + out.capacity() + " cannot take " + in.size() + " documents over " + index.size() + " terms");
        }
        out.clear();
        byte[] bytes = in.bytes();
        int[] tokenStarts = in.tokenStarts();
        int[] documentStarts = in.documentStarts();
        for (int d = 0; d < in.size(); d++) {
            int distinct = 0;
            for (int t = documentStarts[d]; t < documentStarts[d + 1]; t++) {
                int from = tokenStarts[t];
                int id = index.id(bytes, from, tokenStarts[t + 1] - from);
                if (id < 0) {
                    outOfVocabulary++;
                    continue;
                }
                if (counts[id]++ == 0) {
                    if (distinct == touched.length) touched = Arrays.copyOf(touched, 2 * distinct);
                    touched[distinct++] = id;
                }
            }
            tokens += documentStarts[d + 1] - documentStarts[d];
            documents++;
            if (distinct == 0) {
                emptyDocuments++;
                if (!keepEmptyDocuments) continue;
            }
            Arrays.sort(touched, 0, distinct);
            for (int k = 0; k < distinct; k++) {
                int id = touched[k];
                out.add(id, counts[id]);
                counts[id] = 0;
            }
            out.commitRecord(in.labels()[d]);
        }
        return out.size();
    }

    /** Documents converted so far (including the empty ones). */
    public long documents() {
        return documents;
    }

    /** Documents without an in-vocabulary token so far. */
    public long emptyDocuments() {
        return emptyDocuments;
    }

    /** Tokens seen so far. */
    public long tokens() {
        return tokens;
    }

    /** Tokens not in the vocabulary so far. */
    public long outOfVocabularyTokens() {
        return outOfVocabulary;
    }
}
