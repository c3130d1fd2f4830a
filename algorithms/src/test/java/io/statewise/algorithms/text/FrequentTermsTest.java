package io.statewise.algorithms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.laws.BatchSources;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Misra-Gries summary against exact counts: exact while it has room, within its bound otherwise. */
class FrequentTermsTest {

    private static final int CAPACITY = 200;

    private static byte[] bytes(String term) {
        return term.getBytes(StandardCharsets.UTF_8);
    }

    private static void add(FrequentTerms f, Map<String, Long> exact, String term) {
        byte[] b = bytes(term);
        f.add(b, 0, b.length, TermHash.of(b, 0, b.length));
        exact.merge(term, 1L, Long::sum);
    }

    private static long count(FrequentTerms f, String term) {
        byte[] b = bytes(term);
        int id = f.terms().find(b, 0, b.length, TermHash.of(b, 0, b.length));
        return id < 0 ? 0 : f.count(id);
    }

    /** A seeded Zipf stream of {@code n} words over {@code distinct} ranks. */
    private static List<String> zipf(int n, int distinct, long seed) {
        double[] cdf = BatchSources.zipfCdf(distinct, 1.1);
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(BatchSources.word(BatchSources.zipfRank(cdf, random.nextDouble())));
        return out;
    }

    @Test
    void countsAreExactWhileTheTermsFit() {
        FrequentTerms f = new FrequentTerms(CAPACITY, 8);
        Map<String, Long> exact = new HashMap<>();
        for (String w : zipf(50_000, CAPACITY, 1)) add(f, exact, w);
        assertEquals(0, f.offset());
        for (Map.Entry<String, Long> e : exact.entrySet()) assertEquals(e.getValue(), count(f, e.getKey()));
        FrequentTerms half = new FrequentTerms(CAPACITY, 8);
        for (String w : zipf(10_000, CAPACITY, 2)) add(half, exact, w);
        FrequentTerms merged = FrequentTerms.merge(f, half);
        assertEquals(0, merged.offset(), "a union within capacity subtracts nothing");
        for (Map.Entry<String, Long> e : exact.entrySet()) assertEquals(e.getValue(), count(merged, e.getKey()));
    }

    @Test
    void errorsStayWithinTheMisraGriesBoundOnZipfTextAlsoAfterMerges() {
        List<FrequentTerms> parts = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            Map<String, Long> exact = new HashMap<>();
            FrequentTerms f = new FrequentTerms(CAPACITY, 8);
            for (String w : zipf(40_000, 50_000, 10 + p)) add(f, exact, w);
            assertWithinBound(f, exact, "one part");
            parts.add(f);
        }
        FrequentTerms whole = new FrequentTerms(CAPACITY, 8);
        Map<String, Long> wholeExact = new HashMap<>();
        for (int p = 0; p < 4; p++) {
            for (String w : zipf(40_000, 50_000, 10 + p)) add(whole, wholeExact, w);
        }
        FrequentTerms tree = FrequentTerms.merge(FrequentTerms.merge(parts.get(0), parts.get(1)),
                FrequentTerms.merge(parts.get(2), parts.get(3)));
        FrequentTerms chain = FrequentTerms.merge(FrequentTerms.merge(FrequentTerms.merge(parts.get(3),
                parts.get(0)), parts.get(2)), parts.get(1));
        assertEquals(160_000, tree.length());
        assertWithinBound(tree, wholeExact, "a merge tree");
        assertWithinBound(chain, wholeExact, "a merge chain");
        assertWithinBound(whole, wholeExact, "one pass");
        // the heavy-hitter guarantee: every term more frequent than the offset has a counter
        long heavy = 0;
        for (Map.Entry<String, Long> e : wholeExact.entrySet()) {
            if (e.getValue() > tree.offset()) {
                assertTrue(count(tree, e.getKey()) > 0, e.getKey() + " occurs " + e.getValue() + " times");
                heavy++;
            }
        }
        assertTrue(heavy >= 10, "the stream should have heavy hitters, found " + heavy);
    }

    /** {@code count <= f <= count + offset} for every term, {@code offset <= (n - sum of counts) / (capacity + 1)}. */
    private static void assertWithinBound(FrequentTerms f, Map<String, Long> exact, String what) {
        long n = exact.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(n, f.length(), what);
        long sum = 0;
        for (int i = 0; i < f.size(); i++) sum += f.count(i);
        assertTrue(f.offset() <= (n - sum) / (CAPACITY + 1.0), what + ": offset " + f.offset() + ", n " + n
                + ", counted " + sum);
        assertTrue(f.offset() <= n / (double) CAPACITY, what + ": the textbook bound n / capacity");
        assertTrue(f.offset() > 0, what + ": the stream should overflow the summary");
        for (Map.Entry<String, Long> e : exact.entrySet()) {
            long c = count(f, e.getKey());
            long truth = e.getValue();
            assertTrue(c <= truth && truth <= c + f.offset(), what + ": " + e.getKey() + " counted " + c + ", truly "
                    + truth + ", offset " + f.offset());
        }
        assertTrue(f.size() <= CAPACITY, what);
    }

    @Test
    void mergeIsCanonicalAndLeavesItsArgumentsAlone() {
        FrequentTerms a = new FrequentTerms(CAPACITY, 8);
        FrequentTerms b = new FrequentTerms(CAPACITY, 8);
        Map<String, Long> ignored = new HashMap<>();
        for (String w : zipf(20_000, 5_000, 3)) add(a, ignored, w);
        for (String w : zipf(20_000, 5_000, 4)) add(b, ignored, w);
        long aOffset = a.offset();
        int aSize = a.size();
        FrequentTerms ab = FrequentTerms.merge(a, b);
        FrequentTerms ba = FrequentTerms.merge(b, a);
        assertEquals(ab.size(), ba.size());
        assertEquals(ab.offset(), ba.offset());
        for (int i = 0; i < ab.size(); i++) {
            assertEquals(ab.count(i), ba.count(i));
            assertEquals(ab.terms().length(i), ba.terms().length(i));
        }
        assertEquals(aOffset, a.offset());
        assertEquals(aSize, a.size());
    }
}
