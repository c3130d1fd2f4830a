package io.statewise.algorithms.data;

/**
 * Reads a split of {@link JsonLinesFormat} into {@link SeriesBatch}es through a {@link JsonSeriesParser}. A malformed
 * line (bad JSON, a {@code start} that does not parse, a missing or
 * empty {@code target}, one without an observed value, {@code dynamic_feat} arrays of unequal lengths or shorter than
 * the target, a {@code cat} that is not a non-negative integer) is a bad record: {@code file:line:column: what}.
 */
final class JsonLinesSeriesReader extends SeriesSplitReader {

    private final String file;
    private final JsonSeriesParser parser = new JsonSeriesParser();

    JsonLinesSeriesReader(Split split, long maxBadRecords) {
        super(split, maxBadRecords);
        this.file = split.path();
    }

    @Override
    boolean fill(SeriesBatch series) {
        while (!series.isFull() && lines.next()) {
            if (lines.from == lines.to) continue;
            try {
                parser.parse(lines.buf, lines.from, lines.to, file + ":" + lines.lineNumber(), series);
                records++;
            } catch (JsonSeriesParser.Malformed e) {
                badRecords.spend(new DataFormatException(file, lines.lineNumber(), e.position - lines.from + 1,
                        e.getMessage()));
            }
        }
        return series.size() > 0;
    }
}
