package io.statewise.algorithms.data;

import java.util.Optional;

/**
 * What the readers of line-per-record formats share: the split's lines, the {@code max_bad_records} budget and the
 * count of good records, with the {@link SplitReader} methods that only report them. Subclasses parse the syntax.
 * Not thread-safe.
 */
abstract class LineSplitReader implements SplitReader {

    final Split split;
    final SplitLines lines;
    final BadRecordBudget badRecords;
    long records;

    /** Reads {@code lines} of {@code split}, which it closes. */
    LineSplitReader(Split split, SplitLines lines, long maxBadRecords) {
        this.split = split;
        this.lines = lines;
        this.badRecords = new BadRecordBudget(split, maxBadRecords);
    }

    /** Good records read so far. */
    @Override
    public final long records() {
        return records;
    }

    /** Bad records skipped so far. */
    @Override
    public final long badRecords() {
        return badRecords.count();
    }

    /** The error of the first bad record, if any: what to show the user when records were skipped. */
    @Override
    public final Optional<DataFormatException> firstBadRecordError() {
        return badRecords.first();
    }

    /** The split being read. */
    @Override
    public final Split split() {
        return split;
    }

    /** Closes the file. */
    @Override
    public final void close() {
        lines.close();
    }
}
