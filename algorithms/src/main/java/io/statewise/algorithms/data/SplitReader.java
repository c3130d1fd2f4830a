package io.statewise.algorithms.data;

import java.util.Optional;

/**
 * Reads the records of one {@link Split} into reusable {@link Batch}es, whatever the file format: what training and
 * evaluation loops use, so that they do not care whether the data is dense CSV or sparse LibSVM. Obtained from
 * {@link DataFormat#open}; fill batches made by {@link DataFormat#newBatch} of the same format.
 *
 * <p>Bad records follow one rule in every format: with {@code maxBadRecords == 0} the first bad record throws its
 * {@link DataFormatException} ({@code file:line:column: what}); otherwise bad records are skipped and counted, and the
 * reader throws a {@link DataException} once its own count exceeds {@code maxBadRecords}.
 *
 * <p>Not thread-safe: one reader per split per thread.
 */
public interface SplitReader extends AutoCloseable {

    /**
     * Clears {@code batch} and fills it with up to {@code batch.capacity()} records of the split.
     *
     * @param batch reused across calls; of the reader's kind (dense or sparse) and feature dimension. Modified.
     * @return false if the split had no more records (the batch is then empty)
     * @throws IllegalArgumentException if the batch is of the wrong kind or dimension
     * @throws DataFormatException      on a bad record when {@code maxBadRecords == 0}
     * @throws DataException            when the bad records exceed {@code maxBadRecords}
     */
    boolean next(Batch batch);

    /** Good records read so far. */
    long records();

    /** Bad records skipped so far. */
    long badRecords();

    /** The error of the first bad record, if any: what to show the user when records were skipped. */
    Optional<DataFormatException> firstBadRecordError();

    /** The split being read. */
    Split split();

    /** Closes the file. */
    @Override
    void close();
}
