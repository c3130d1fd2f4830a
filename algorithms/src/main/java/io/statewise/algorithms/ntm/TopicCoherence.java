package io.statewise.algorithms.ntm;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Topic coherence as the normalized pointwise mutual information of each topic's top words over a reference corpus
 * (Bouma 2009; Lau, Newman and Baldwin, EACL 2014), with co-occurrence counted per document: for words {@code i, j}
 * of one topic, {@code NPMI = log(P(i, j) / (P(i) P(j))) / -log P(i, j)}, from the shares of documents that contain
 * {@code i}, {@code j} and both; {@code -1} for words that never co-occur. A topic's coherence is the mean over its
 * word pairs; the reported coherence, the mean over topics. Counts only the top words, so memory is
 * {@code O(K * words^2)} whatever the vocabulary.
 */
final class TopicCoherence {

    private final int[][] top;
    /** For each vocabulary word, its position among the distinct top words of all topics, or -1. */
    private final int[] slot;
    private final int[][] topSlots;
    private final long[] documentFrequency;
    private final long[][] pairs;
    private final boolean[] present;
    private long documents;

    /** @param top each topic's top words (vocabulary indices), {@code K x words} */
    TopicCoherence(int[][] top, int vocabulary) {
        this.top = top;
        this.slot = new int[vocabulary];
        Arrays.fill(slot, -1);
        int distinct = 0;
        this.topSlots = new int[top.length][];
        for (int k = 0; k < top.length; k++) {
            topSlots[k] = new int[top[k].length];
            for (int a = 0; a < top[k].length; a++) {
                int w = top[k][a];
                if (slot[w] < 0) slot[w] = distinct++;
                topSlots[k][a] = slot[w];
            }
        }
        this.documentFrequency = new long[distinct];
        this.present = new boolean[distinct];
        this.pairs = new long[top.length][];
        for (int k = 0; k < top.length; k++) pairs[k] = new long[top[k].length * top[k].length];
    }

    /** Counts the documents of {@code bag}. */
    void add(DocumentBag bag) {
        int[] rowStart = bag.rowStart();
        int[] words = bag.words();
        for (int i = 0; i < bag.size(); i++) {
            documents++;
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                int s = slot[words[p]];
                if (s >= 0 && !present[s]) {
                    present[s] = true;
                    documentFrequency[s]++;
                }
            }
            for (int k = 0; k < top.length; k++) {
                int[] slots = topSlots[k];
                for (int a = 0; a < slots.length; a++) {
                    if (!present[slots[a]]) continue;
                    for (int b = a + 1; b < slots.length; b++) {
                        if (present[slots[b]]) pairs[k][a * slots.length + b]++;
                    }
                }
            }
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                int s = slot[words[p]];
                if (s >= 0) present[s] = false;
            }
        }
    }

    /** The mean NPMI over topics; NaN before any document. */
    double npmi() {
        if (documents == 0) return Double.NaN;
        double total = 0;
        for (int k = 0; k < top.length; k++) {
            int[] slots = topSlots[k];
            double sum = 0;
            int count = 0;
            for (int a = 0; a < slots.length; a++) {
                for (int b = a + 1; b < slots.length; b++) {
                    sum += npmi(pairs[k][a * slots.length + b], documentFrequency[slots[a]],
                            documentFrequency[slots[b]]);
                    count++;
                }
            }
            total += count == 0 ? 0 : sum / count;
        }
        return total / top.length;
    }

    private double npmi(long both, long first, long second) {
        if (both == 0) return -1;
        double d = documents;
        double joint = both / d;
        if (joint >= 1) return 1;
        return Math.log(joint / ((first / d) * (second / d))) / -Math.log(joint);
    }

    /**
     * Topic diversity (Dieng, Ruiz and Blei, TACL 2020): the share of distinct words among the top words of all
     * topics, 1 when no two topics share a top word.
     */
    static double diversity(int[][] top) {
        Set<Integer> distinct = new HashSet<>();
        int total = 0;
        for (int[] words : top) {
            for (int w : words) distinct.add(w);
            total += words.length;
        }
        return total == 0 ? Double.NaN : distinct.size() / (double) total;
    }
}
