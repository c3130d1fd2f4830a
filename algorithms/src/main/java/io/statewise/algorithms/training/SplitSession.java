package io.statewise.algorithms.training;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.State;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.SplitCache;
import io.statewise.algorithms.data.SplitReader;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One split opened for training in segments: each {@link #train} call streams up to N mini-batches through
 * {@code update}, starting from the base it is given, so that a worker can synchronize with the job (the parameter
 * server) every N batches and continue from the averaged parameters without reopening the split.
 *
 * <p>Batch boundaries are deterministic (fixed mini-batch size), so {@link #skipBatches} lets a resumed split
 * continue exactly after the segments the job already merged. Mutable; used by one thread at a time.
 */
public final class SplitSession implements AutoCloseable {

    /**
     * What one segment contributed.
     *
     * @param partial    the segment's partial state (its contribution only)
     * @param records    good records of this segment
     * @param badRecords malformed records skipped in this segment
     * @param finished   whether the split has no more records (or the partial wanted no more)
     */
    public record Segment(State partial, long records, long badRecords, boolean finished) {}

    /** A {@code deadlineNanos} that never comes. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private final ElasticAlgorithm<State, Model> algorithm;
    private final Split split;
    private final SplitReader reader;
    private final Batch batch;
    private boolean exhausted;

    SplitSession(ElasticAlgorithm<State, Model> algorithm, Split split, DataFormat format, DataSchema schema,
                 long maxBadRecords, SplitCache cache) {
        this.algorithm = algorithm;
        this.split = split;
        int capacity = algorithm.schedule().miniBatchSize();
        this.batch = format.newBatch(capacity, schema);
        this.reader = Trainer.openReader(cache, split, format, schema, maxBadRecords, capacity);
    }

    /** A session over an open reader (a stream of records) filling {@code batch}. */
    SplitSession(ElasticAlgorithm<State, Model> algorithm, SplitReader reader, Batch batch) {
        this.algorithm = algorithm;
        this.split = reader.split();
        this.reader = reader;
        this.batch = batch;
    }

    /** Reads and discards {@code batches} mini-batches (the segments a previous worker already contributed). */
    public void skipBatches(long batches) {
        for (long i = 0; i < batches && !exhausted; i++) {
            if (!reader.next(batch)) exhausted = true;
        }
    }

    /**
     * Trains one segment.
     *
     * @param base       the global state to start from. Not modified.
     * @param seed       randomness of this segment
     * @param maxBatches mini-batches in the segment; 0 or less means the rest of the split
     * @param progress   incremented by each batch's records. Modified.
     * @param cancelled  polled between batches
     * @throws SplitCancelledException when {@code cancelled} turned true
     */
    public Segment train(State base, long seed, int maxBatches, AtomicLong progress, BooleanSupplier cancelled) {
        return train(base, seed, maxBatches, NO_DEADLINE, progress, cancelled);
    }

    /**
     * Trains one segment that also ends, after at least one batch, once {@link System#nanoTime()} reaches
     * {@code deadlineNanos}: a stream's records checkpointed every N records or T seconds, whichever comes first.
     * The deadline is checked between batches; a batch waits for its records (or the end of the stream).
     */
    public Segment train(State base, long seed, int maxBatches, long deadlineNanos, AtomicLong progress,
                         BooleanSupplier cancelled) {
        State partial = algorithm.startPartial(base, seed);
        long recordsBefore = reader.records();
        long badBefore = reader.badRecords();
        int batches = 0;
        while (!exhausted && (maxBatches <= 0 || batches < maxBatches)) {
            if (!algorithm.wantsMore(partial) || !reader.next(batch)) {
                exhausted = true;
                break;
            }
            if (cancelled.getAsBoolean()) throw new SplitCancelledException(split.id());
            algorithm.update(partial, batch);
            progress.addAndGet(batch.size());
            batches++;
            if (deadlineNanos != NO_DEADLINE && System.nanoTime() - deadlineNanos >= 0) break;
        }
        return new Segment(partial, reader.records() - recordsBefore, reader.badRecords() - badBefore, exhausted);
    }

    @Override
    public void close() {
        reader.close();
    }
}
