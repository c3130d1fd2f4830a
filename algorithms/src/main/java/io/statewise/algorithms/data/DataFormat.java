package io.statewise.algorithms.data;

import java.nio.file.Path;
import java.util.List;

/**
 * How the records of a data set are stored: dense CSV ({@link CsvFormat}), sparse LibSVM ({@link LibSvmFormat}), or
 * text documents ({@link TextFormat}: lines, files of a directory, a CSV column), or time series
 * ({@link SeriesFormat}: JSON Lines, long CSV).
 * Training and evaluation loops only use this interface: they ask the format for a batch of the right kind and a
 * reader that fills it, so they never depend on the file syntax.
 *
 * <p>Formats are immutable and validated values; the runtime persists them in its own serializable form and converts
 * back, so this module needs no serialization library.
 */
public sealed interface DataFormat permits CsvFormat, LibSvmFormat, TextFormat, SeriesFormat {

    /** Whether records carry a label. */
    boolean labeled();

    /** Whether records are sparse: read into {@link SparseBatch}es rather than {@link DenseBatch}es. */
    boolean sparse();

    /**
     * A reader of one split in this format.
     *
     * @param split         the byte range to read; its file must exist
     * @param schema        the data set's schema; only its feature dimension is used: the one every record must have
     *                      (dense) or whose indices every record must stay below (sparse)
     * @param maxBadRecords bad records the reader may skip before it throws; 0 makes the first bad record throw
     * @throws java.io.UncheckedIOException if the file cannot be opened
     */
    SplitReader open(Split split, DataSchema schema, long maxBadRecords);

    /**
     * An empty batch that readers of this format fill: a {@link DenseBatch} for CSV, a {@link SparseBatch} for LibSVM.
     *
     * @param capacity the most records it holds, at least 1
     * @param schema   the data set's schema
     */
    Batch newBatch(int capacity, DataSchema schema);

    /**
     * Splits of about {@code targetSplitBytes} over {@code inputs}, each aligned to record boundaries so that every
     * split reads independently. The default cuts files at newlines ({@link SplitPlanner#plan}); formats whose records
     * can span lines or files plan their own.
     *
     * @param inputs           the input files (for {@link TextFilesFormat}: document directories). Not modified.
     * @param targetSplitBytes the size to aim for, at least 1
     */
    default List<Split> plan(List<Path> inputs, long targetSplitBytes) {
        return SplitPlanner.plan(inputs, targetSplitBytes);
    }

    /**
     * Splits as {@link #plan(List, long)}, kept equal in what {@code balance} names. Equal records need records that
     * are lines ({@link #linesAreRecords}); other formats (records across lines, whole files, whole series) plan by
     * bytes, their own way.
     */
    default List<Split> plan(List<Path> inputs, long targetSplitBytes, SplitBalance balance) {
        return balance == SplitBalance.RECORDS && linesAreRecords()
                ? SplitPlanner.planByRecords(inputs, targetSplitBytes) : plan(inputs, targetSplitBytes);
    }

    /** Whether every line of a file is one record, so that splits may start after any newline. */
    default boolean linesAreRecords() {
        return false;
    }

    /** The schema of data of this format with {@code features} features. */
    default DataSchema schema(int features) {
        return new DataSchema(features, labeled(), sparse());
    }
}
