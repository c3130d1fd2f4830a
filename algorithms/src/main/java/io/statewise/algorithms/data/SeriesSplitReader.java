package io.statewise.algorithms.data;

/**
 * What the readers of {@link SeriesFormat}s share beyond a {@link LineSplitReader}'s: the check that the batch holds
 * series. Subclasses parse the syntax. Not thread-safe.
 */
abstract sealed class SeriesSplitReader extends LineSplitReader permits JsonLinesSeriesReader, SeriesCsvReader {

    SeriesSplitReader(Split split, long maxBadRecords) {
        super(split, new SplitLines(split, true), maxBadRecords);
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

}
