package io.statewise.algorithms.data;

import java.nio.file.Path;
import java.util.List;

/**
 * SageMaker DeepAR's JSON Lines: one series per line, an object with {@code start} ({@code "YYYY-MM-DD HH:MM:SS"}),
 * {@code target} (numbers, {@code null} or {@code "NaN"} for missing), optionally {@code cat} (integers),
 * {@code dynamic_feat} (arrays of numbers) and an id ({@code id} or {@code item_id}; else the series is named by its
 * file and line). Other fields are ignored. Blank lines are skipped. A line is a series, so the line-aligned splits of
 * {@link SplitPlanner} never cut one.
 */
public record JsonLinesFormat() implements SeriesFormat {

    @Override
    public SplitReader open(Split split, DataSchema schema, long maxBadRecords) {
        return new JsonLinesSeriesReader(split, maxBadRecords);
    }

    @Override
    public List<Split> plan(List<Path> inputs, long targetSplitBytes) {
        return SplitPlanner.plan(inputs, targetSplitBytes);
    }
}
