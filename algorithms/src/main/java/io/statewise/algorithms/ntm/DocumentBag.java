package io.statewise.algorithms.ntm;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import java.util.Arrays;

/**
 * Documents copied out of a batch as word counts in CSR form (the batch is never retained), with each document's
 * total count. Reused from batch to batch: arrays grow, then stay.
 */
final class DocumentBag {

    private int size;
    private int[] rowStart = new int[1];
    private int[] words = new int[64];
    private float[] counts = new float[64];
    private double[] totals = new double[0];

    int size() {
        return size;
    }

    int[] rowStart() {
        return rowStart;
    }

    int[] words() {
        return words;
    }

    float[] counts() {
        return counts;
    }

    /** Words of document {@code i}: the sum of its counts. */
    double total(int i) {
        return totals[i];
    }

    void clear() {
        size = 0;
    }

    /**
     * The word count of record {@code i} of {@code batch}, checking its counts.
     *
     * @throws IllegalArgumentException on a negative or non-finite count, naming the record and word
     */
    static double words(Batch batch, int i) {
        double total = 0;
        if (batch instanceof SparseBatch s) {
            for (int p = s.rowStart()[i]; p < s.rowStart()[i + 1]; p++) total += check(s.values()[p], i,
                    s.indices()[p]);
        } else {
            DenseBatch d = (DenseBatch) batch;
            int off = d.offset(i);
            for (int j = 0; j < d.dimension(); j++) total += check(d.features()[off + j], i, j);
        }
        return total;
    }

    private static float check(float count, int record, int word) {
        if (!(count >= 0) || Float.isInfinite(count)) {
            throw new IllegalArgumentException("record " + record + " of the batch: word " + word + " has count "
                    + count + "; a bag of words needs finite counts >= 0");
        }
        return count;
    }

    /** Appends record {@code i} of {@code batch} (its non-zero counts), whose total is {@code total}. */
    void add(Batch batch, int i, double total) {
        ensure(size + 1);
        int nnz = rowStart[size];
        if (batch instanceof SparseBatch s) {
            for (int p = s.rowStart()[i]; p < s.rowStart()[i + 1]; p++) {
                if (s.values()[p] != 0) nnz = put(nnz, s.indices()[p], s.values()[p]);
            }
        } else {
            DenseBatch d = (DenseBatch) batch;
            int off = d.offset(i);
            for (int j = 0; j < d.dimension(); j++) {
                if (d.features()[off + j] != 0) nnz = put(nnz, j, d.features()[off + j]);
            }
        }
        totals[size] = total;
        size++;
        rowStart[size] = nnz;
    }

    /** Appends one document given as dense counts over the vocabulary (a model's single prediction). */
    void addDense(float[] counts, double total) {
        ensure(size + 1);
        int nnz = rowStart[size];
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] != 0) nnz = put(nnz, j, counts[j]);
        }
        totals[size] = total;
        size++;
        rowStart[size] = nnz;
    }

    private int put(int at, int word, float count) {
        if (at == words.length) {
            words = Arrays.copyOf(words, 2 * at);
            counts = Arrays.copyOf(counts, 2 * at);
        }
        words[at] = word;
        counts[at] = count;
        return at + 1;
    }

    private void ensure(int docs) {
        if (rowStart.length < docs + 1) {
            rowStart = Arrays.copyOf(rowStart, Math.max(docs + 1, 2 * rowStart.length));
            totals = Arrays.copyOf(totals, rowStart.length);
        }
        if (size == 0) rowStart[0] = 0;
    }
}
