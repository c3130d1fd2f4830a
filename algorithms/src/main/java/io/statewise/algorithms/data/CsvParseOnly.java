package io.statewise.algorithms.data;

/**
 * Reads a split and does nothing with its records: the "parse only" baseline that benchmarks compare a full data pass
 * against, so that the cost of the runtime and the algorithm can be told apart from the cost of parsing.
 */
public final class CsvParseOnly {

    private CsvParseOnly() {}

    /**
     * Reads every record of {@code split} into one reusable batch.
     *
     * @param split           the byte range to read
     * @param format          the CSV layout
     * @param expectedColumns columns per record including the label, or -1 to take them from the first record
     * @param batchSize       records per batch, at least 1
     * @return the number of records read
     * @throws DataFormatException on the first bad record
     */
    public static long parseAll(Split split, CsvFormat format, int expectedColumns, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        try (CsvSplitReader reader = new CsvSplitReader(split, format, expectedColumns, 0)) {
            int columns = reader.peekColumns();
            if (columns == 0) return 0;
            DenseBatch batch = new DenseBatch(batchSize, columns - (format.labeled() ? 1 : 0));
            while (reader.next(batch)) {
                // records are counted by the reader
            }
            return reader.records();
        }
    }
}
