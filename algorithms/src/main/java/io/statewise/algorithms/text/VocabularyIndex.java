package io.statewise.algorithms.text;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Term bytes to vocabulary ids: a term's id is its position in the vocabulary (its line in {@code vocab.txt}). A
 * lookup hashes the bytes where they lie (e.g. in a {@link io.statewise.algorithms.data.TextBatch}) and allocates
 * nothing. Immutable after construction, so one index may serve many threads.
 */
public final class VocabularyIndex {

    private final TermTable terms;

    private VocabularyIndex(TermTable terms) {
        this.terms = terms;
    }

    /** The index of {@code vocabulary}'s terms. */
    public static VocabularyIndex of(Vocabulary vocabulary) {
        return of(vocabulary.terms());
    }

    /**
     * The index of {@code terms}: term {@code i} gets id {@code i}.
     *
     * @throws IllegalArgumentException if a term is empty or repeated
     */
    public static VocabularyIndex of(List<String> terms) {
        TermTable table = new TermTable(terms.size(), 8);
        for (int i = 0; i < terms.size(); i++) {
            byte[] term = terms.get(i).getBytes(StandardCharsets.UTF_8);
            if (term.length == 0) throw new IllegalArgumentException("term " + i + " is empty");
            int hash = TermHash.of(term, 0, term.length);
            if (table.find(term, 0, term.length, hash) >= 0) {
                throw new IllegalArgumentException("term '" + terms.get(i) + "' appears twice (id "
                        + terms.indexOf(terms.get(i)) + " and " + i + ")");
            }
            table.add(term, 0, term.length, hash);
        }
        return new VocabularyIndex(table);
    }

    /** Terms in the vocabulary: ids are {@code 0..size()-1}. */
    public int size() {
        return terms.size();
    }

    /**
     * The id of the term {@code b[from .. from + length)}, or -1 if it is not in the vocabulary.
     *
     * @param b UTF-8 bytes. Not modified.
     */
    public int id(byte[] b, int from, int length) {
        return terms.find(b, from, length, TermHash.of(b, from, length));
    }

    /** The id of {@code term}, or -1 (allocates: for tests and tools). */
    public int id(String term) {
        byte[] b = term.getBytes(StandardCharsets.UTF_8);
        return id(b, 0, b.length);
    }

    /** The term of {@code id}. */
    public String term(int id) {
        if (id < 0 || id >= terms.size()) throw new IndexOutOfBoundsException("id " + id + " of " + terms.size());
        return new String(terms.arena(), terms.start(id), terms.length(id), StandardCharsets.UTF_8);
    }
}
