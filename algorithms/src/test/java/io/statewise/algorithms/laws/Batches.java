package io.statewise.algorithms.laws;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SeriesBatch;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.data.TextBatch;
import java.util.Arrays;

/** Copies batches and overwrites them with garbage, to catch an algorithm that keeps a batch's buffers. */
final class Batches {

    private static final float[] GARBAGE = {Float.NaN, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY};

    private Batches() {}

    /** A new batch of the same kind, capacity and records, sharing no array with {@code batch}. */
    static Batch copy(Batch batch) {
        return copy(batch, batch.size());
    }

    /** A new batch of the same kind and capacity holding the first {@code records} records of {@code batch}. */
    static Batch copy(Batch batch, int records) {
        if (batch instanceof DenseBatch dense) {
            DenseBatch out = new DenseBatch(dense.capacity(), dense.dimension());
            System.arraycopy(dense.features(), 0, out.features(), 0, records * dense.dimension());
            System.arraycopy(dense.labels(), 0, out.labels(), 0, records);
            for (int i = 0; i < records; i++) out.commitRecord();
            return out;
        }
        if (batch instanceof TextBatch text) return copy(text, records);
        if (batch instanceof SeriesBatch series) {
            SeriesBatch out = new SeriesBatch(series.capacity());
            for (int i = 0; i < records; i++) out.add(series.series(i), series.origin(i));
            return out;
        }
        SparseBatch sparse = (SparseBatch) batch;
        SparseBatch out = new SparseBatch(sparse.capacity(), sparse.dimension());
        for (int i = 0; i < records; i++) {
            for (int p = sparse.rowStart()[i]; p < sparse.rowStart()[i + 1]; p++) {
                out.add(sparse.indices()[p], sparse.values()[p]);
            }
            out.commitRecord(sparse.labels()[i]);
        }
        return out;
    }

    private static TextBatch copy(TextBatch text, int records) {
        TextBatch out = new TextBatch(text.capacity());
        for (int i = 0; i < records; i++) {
            for (int t = text.documentStarts()[i]; t < text.documentStarts()[i + 1]; t++) {
                int from = text.tokenStarts()[t];
                int length = text.tokenStarts()[t + 1] - from;
                int at = out.reserveBytes(length);
                System.arraycopy(text.bytes(), from, out.bytes(), at, length);
                out.commitToken(at + length);
            }
            out.commitDocument(text.labels()[i]);
        }
        return out;
    }

    /**
     * Overwrites every array of {@code batch} with NaN, infinite, huge and out-of-range values. Its size is kept, so
     * whoever still reads it reads garbage.
     */
    static void scribble(Batch batch) {
        scribble(batch.labels());
        if (batch instanceof DenseBatch dense) {
            scribble(dense.features());
        } else if (batch instanceof SeriesBatch series) {
            scribble(series.values());
        } else if (batch instanceof TextBatch text) {
            Arrays.fill(text.bytes(), (byte) 0xFF);
            Arrays.fill(text.tokenStarts(), 1, text.tokenStarts().length, -1);
            Arrays.fill(text.documentStarts(), 1, text.documentStarts().length, -1);
        } else {
            SparseBatch sparse = (SparseBatch) batch;
            scribble(sparse.values());
            Arrays.fill(sparse.indices(), Integer.MIN_VALUE);
            Arrays.fill(sparse.rowStart(), 1, sparse.rowStart().length, -1);
        }
    }

    private static void scribble(float[] values) {
        for (int i = 0; i < values.length; i++) values[i] = GARBAGE[i % GARBAGE.length];
    }
}
