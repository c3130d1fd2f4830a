package io.statewise.algorithms.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Whole time series, read into {@link SeriesBatch}es: SageMaker DeepAR's JSON Lines ({@link JsonLinesFormat}) or a
 * long CSV of {@code series,timestamp,value} rows ({@link SeriesCsvFormat}). A series is never split across splits,
 * so a worker always sees whole series; splits are planned by bytes, which balances them by series length. A
 * {@code .gz} file is read through gzip as one split.
 */
public sealed interface SeriesFormat extends DataFormat permits JsonLinesFormat, SeriesCsvFormat {

    /** False: series carry no label. */
    @Override
    default boolean labeled() {
        return false;
    }

    /** False: series are read into {@link SeriesBatch}es. */
    @Override
    default boolean sparse() {
        return false;
    }

    /** {@link DataSchema#SERIES}; {@code features} is not used. */
    @Override
    default DataSchema schema(int features) {
        return DataSchema.SERIES;
    }

    /** A {@link SeriesBatch} of {@code capacity} series; the schema is not used. */
    @Override
    default SeriesBatch newBatch(int capacity, DataSchema schema) {
        return new SeriesBatch(capacity);
    }

    /** Splits of about {@code targetSplitBytes}, each ending where a series ends. */
    @Override
    List<Split> plan(List<Path> inputs, long targetSplitBytes);
}
