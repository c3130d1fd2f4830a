package io.statewise.algorithms.data;

import java.util.Optional;

/**
 * What the readers of {@link SeriesFormat}s share: the split's lines, the {@code max_bad_records} budget, the count
 * of series read and the check that the batch holds series. Subclasses parse the syntax. Not thread-safe.
 */
abstract sealed class SeriesSplitReader implements SplitReader permits JsonLinesSeriesReader, SeriesCsvReader {

    final Split split;
    final SplitLines lines;
    final BadRecordBudget badRecords;
    long records;

    SeriesSplitReader(Split split, long maxBadRecords) {
        this.split = split;
        this.lines = new SplitLines(split, true);
        this.badRecords = new BadRecordBudget(split, maxBadRecords);
    }

    /** Clears {@code batch} and fills it with up to its capacity of series; false if none was left. */
    abstract boolean fill(SeriesBatch batch);

    @Override
    public final boolean next(Batch batch) {
        if (!(batch instanceof SeriesBatch series)) {
            throw new IllegalArgumentException("a series reader fills series batches, not "
                    + batch.getClass().getSimpleName() + " (" + split.path() + ")");
        }
        series.clear();
        return fill(series);
    }

    @Override
    public long records() {
        return records;
    }

    @Override
    public long badRecords() {
        return badRecords.count();
    }

    @Override
    public Optional<DataFormatException> firstBadRecordError() {
        return badRecords.first();
    }

    @Override
    public Split split() {
        return split;
    }

    @Override
    public void close() {
        lines.close();
    }
}
