package io.statewise.algorithms.text;

import java.util.Arrays;

/**
 * A Misra-Gries heavy-hitters summary of a stream of byte-string terms with at most {@code capacity} counters,
 * mergeable as in Agarwal et al., "Mergeable Summaries", TODS 2013 (PODS 2012). For every term {@code x} with true
 * frequency {@code f(x)}:
 * <pre>
 *   count(x) &lt;= f(x) &lt;= count(x) + offset,
 *   offset &lt;= (n - sum of counts) / (capacity + 1) &lt;= n / (capacity + 1)
 * </pre>
 * where {@code n} is the stream length and {@code count(x) = 0} for a term without a counter. So every term with
 * {@code f(x) > n / (capacity + 1)} has a counter, and the counts are exact while the stream has at most
 * {@code capacity} distinct terms.
 *
 * <p><b>Update</b> (Misra-Gries): a monitored term's counter grows by one; a new term takes a free counter with count
 * 1; with none free, every counter (and the new term) loses one, {@code offset} grows by one, and counters at zero are
 * freed. Each such decrement removes {@code capacity + 1} from the total, so their O(capacity) cost is O(1) amortized.
 * <b>Merge</b> (Agarwal et al.): add the counters of both summaries; if more than {@code capacity} remain, subtract
 * the {@code (capacity + 1)}-th largest count from all and drop those left at zero or below; the offsets add up plus
 * the subtracted amount. The bounds above then hold for the merged stream.
 *
 * <p>Terms sit in a {@link TermTable} (one byte arena, no object per term); counter {@code i} belongs to term id
 * {@code i}. Which counter a term gets depends only on the order of events, never on hash-table layout, so a decoded
 * summary carries on exactly as the original. Mutable, single-threaded.
 */
final class FrequentTerms {

    private final int capacity;
    private final TermTable terms;
    private final long[] counts;
    private long offset;
    private long length;

    /** An empty summary of {@code capacity} counters for terms of about {@code averageBytes} bytes. */
    FrequentTerms(int capacity, int averageBytes) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        this.capacity = capacity;
        this.terms = new TermTable(capacity, averageBytes);
        this.counts = new long[capacity];
    }

    /** Counters at most. */
    int capacity() {
        return capacity;
    }

    /** Counters in use. */
    int size() {
        return terms.size();
    }

    /** Terms counted: the stream length {@code n}. */
    long length() {
        return length;
    }

    /** The most a true frequency can exceed its count ({@code f(x) - count(x)}), for every term. */
    long offset() {
        return offset;
    }

    /** The count of counter {@code i}, {@code i < size()}. */
    long count(int i) {
        return counts[i];
    }

    /** The term store: counter {@code i} belongs to term id {@code i}. */
    TermTable terms() {
        return terms;
    }

    /** Counts one occurrence of the term {@code b[from .. from + length)} whose {@link TermHash} is {@code hash}. */
    void add(byte[] b, int from, int termLength, int hash) {
        length++;
        int id = terms.find(b, from, termLength, hash);
        if (id >= 0) {
            counts[id]++;
        } else if (terms.size() < capacity) {
            counts[terms.add(b, from, termLength, hash)] = 1;
        } else {
            decrementAll(1);
        }
    }

    /** Subtracts {@code amount} from every counter (and from the term that could not get one), freeing zeros. */
    private void decrementAll(long amount) {
        offset += amount;
        boolean freed = false;
        for (int i = 0, n = terms.size(); i < n; i++) {
            counts[i] -= amount;
            if (counts[i] <= 0) freed = true;
        }
        if (freed) terms.retainPositive(counts);
    }

    /**
     * The merge of {@code a} and {@code b} (Agarwal et al.), as a new summary with {@code a}'s capacity. The result is
     * canonical (counters ordered by count, descending, then by term bytes), so {@code merge(a, b)} and
     * {@code merge(b, a)} are identical. Neither argument is modified.
     */
    static FrequentTerms merge(FrequentTerms a, FrequentTerms b) {
        if (a.capacity != b.capacity) {
            throw new IllegalArgumentException("summaries of " + a.capacity + " and " + b.capacity + " counters");
        }
        FrequentTerms union = new FrequentTerms(a.size() + b.size(), 8);
        union.addCounts(a);
        union.addCounts(b);
        long subtract = 0;
        if (union.size() > a.capacity) {
            long[] sorted = Arrays.copyOf(union.counts, union.size());
            Arrays.sort(sorted);
            subtract = sorted[sorted.length - 1 - a.capacity]; // the (capacity + 1)-th largest
            union.decrementAll(subtract);
            union.offset = 0;
        }
        FrequentTerms out = new FrequentTerms(a.capacity, 8);
        for (int id : union.rankedIds()) {
            TermTable t = union.terms;
            out.counts[out.terms.add(t.arena(), t.start(id), t.length(id), t.hash(id))] = union.counts[id];
        }
        out.offset = a.offset + b.offset + subtract;
        out.length = a.length + b.length;
        return out;
    }

    private void addCounts(FrequentTerms from) {
        TermTable t = from.terms;
        for (int i = 0; i < t.size(); i++) {
            int id = terms.intern(t.arena(), t.start(i), t.length(i), t.hash(i));
            counts[id] += from.counts[i];
        }
    }

    /**
     * Counter ids ordered by count, descending, then by term bytes (unsigned, i.e. UTF-8 code point order): the order
     * of the vocabulary and of a canonical merge.
     */
    Integer[] rankedIds() {
        Integer[] ids = new Integer[terms.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = i;
        byte[] arena = terms.arena();
        Arrays.sort(ids, (x, y) -> {
            int c = Long.compare(counts[y], counts[x]);
            if (c != 0) return c;
            return Arrays.compareUnsigned(arena, terms.start(x), terms.start(x) + terms.length(x), arena,
                    terms.start(y), terms.start(y) + terms.length(y));
        });
        return ids;
    }

    /** Restores decoded fields; the terms and counts are re-added in counter order by the caller. */
    void restore(long decodedOffset, long decodedLength) {
        this.offset = decodedOffset;
        this.length = decodedLength;
    }

    /**
     * Adds a decoded counter: the next id gets {@code count}.
     *
     * @return false if the term already has a counter (a corrupt encoding)
     */
    boolean restoreCounter(byte[] b, int from, int termLength, long count) {
        int before = terms.size();
        int id = terms.intern(b, from, termLength, TermHash.of(b, from, termLength));
        if (terms.size() == before) return false;
        counts[id] = count;
        return true;
    }
}
