package io.statewise.algorithms.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the records of one {@link Split} of a CSV file of numbers into reusable {@link DenseBatch}es. This is the hot
 * path of every data pass, so it allocates nothing per record: bytes go through one reusable buffer and numbers are
 * parsed straight from bytes by a {@link FloatParser}. Objects are created only when a record is bad.
 *
 * <p>Lines are split on {@code '\n'}; a trailing {@code '\r'} (CRLF), trailing blanks and a missing final newline are
 * accepted, empty lines are ignored, and blanks may surround fields (so {@code "1, 2"} is two fields). A UTF-8 byte
 * order mark at the start of a file is skipped. When the format has a header, the file's first line is skipped (by the
 * split that starts at byte 0).
 *
 * <p>A record is bad when its column count differs from the expected one or a field is empty, not a number, NaN,
 * infinite or out of float range. With {@code maxBadRecords == 0} the first bad record throws its
 * {@link DataFormatException}; otherwise bad records are skipped and counted, and the reader throws a
 * {@link DataException} once its own count exceeds {@code maxBadRecords} (the runtime sums counts across splits).
 * Error messages carry the absolute line number in the file: the reader counts lines in its own range and, only when
 * an error happens, counts the newlines before its range once.
 *
 * <p>Not thread-safe: one reader per split per thread. I/O errors surface as {@link UncheckedIOException}; a corrupt
 * or truncated gzip file as a {@link DataException}. Bytes and lines come from {@link SplitLines}, shared with
 * {@link LibSvmSplitReader}.
 */
public final class CsvSplitReader extends LineSplitReader {

    private static final int MAX_QUOTED_FIELD = 64;

    private static final int ERR_COLUMNS = 1;
    private static final int ERR_EMPTY = 2;

    private final CsvFormat format;
    private final byte delimiter;
    private final boolean tabIsBlank;
    private final int labelColumn;
    private final FloatParser parser = new FloatParser();

    private int expectedColumns;
    private boolean pendingRecord;

    private int errorKind;
    private int errorColumn;
    private int errorFieldFrom;
    private int errorFound;

    /**
     * Opens a split for reading.
     *
     * @param split           the byte range to read; its file must exist
     * @param format          the CSV layout
     * @param expectedColumns columns per record including the label, or -1 to take the count from the first record
     * @param maxBadRecords   bad records this reader may skip before it throws; 0 makes the first bad record throw
     * @throws UncheckedIOException if the file cannot be opened
     */
    public CsvSplitReader(Split split, CsvFormat format, int expectedColumns, long maxBadRecords) {
        this(split, format, expectedColumns, maxBadRecords, null);
    }

    /**
     * Reads a stream that is not a file (records posted over HTTP) as they arrive; {@code split} only names it in
     * error messages ({@link SplitLines#SplitLines(Split, InputStream, boolean)}).
     *
     * @param stream the CSV bytes; closed by {@link #close()}
     */
    CsvSplitReader(Split split, CsvFormat format, int expectedColumns, long maxBadRecords, InputStream stream) {
        super(split, openLines(split, format, expectedColumns, stream), maxBadRecords);
        this.format = format;
        this.expectedColumns = expectedColumns;
        this.delimiter = format.delimiter();
        this.tabIsBlank = tabIsBlank(format);
        this.labelColumn = format.labelColumn();
    }

    /** A tab is blank space around fields unless it is the delimiter. */
    private static boolean tabIsBlank(CsvFormat format) {
        return format.delimiter() != '\t';
    }

    /** The split's (or stream's) lines, once the arguments are known to be valid (a bad one leaves no file open). */
    private static SplitLines openLines(Split split, CsvFormat format, int expectedColumns, InputStream stream) {
        if (expectedColumns != -1) checkColumns(expectedColumns, format);
        return stream == null ? new SplitLines(split, tabIsBlank(format))
                : new SplitLines(split, stream, tabIsBlank(format));
    }

    private static void checkColumns(int columns, CsvFormat format) {
        int minimum = format.labeled() ? 2 : 1;
        if (columns < minimum) {
            throw new IllegalArgumentException("expectedColumns must be -1 or >= " + minimum + ", got " + columns);
        }
        if (format.labelColumn() >= columns) {
            throw new IllegalArgumentException(
                    "label column " + format.labelColumn() + " (0-based) is outside the " + columns + " columns");
        }
    }

    /**
     * The schema of a file, from its first record (after the header): its column count, less the label column if the
     * format has one. Reads the first record only.
     *
     * @param file   a CSV file, gzip-compressed if its name ends in {@code .gz}
     * @param format the CSV layout
     * @throws DataException if the file has no record or its first record is bad
     */
    public static DataSchema probe(Path file, CsvFormat format) {
        int columns = probeColumns(file, format);
        if (columns == 0) throw new DataException("no record in " + file);
        return new DataSchema(columns - (format.labeled() ? 1 : 0), format.labeled());
    }

    /**
     * The common schema of several files, checking that each file's first record has the same number of columns.
     * Files without any record (e.g. a header only) are skipped.
     *
     * @param files  CSV files. Not modified.
     * @param format the CSV layout
     * @throws DataException naming two files and their column counts if they differ, or if no file has a record
     */
    public static DataSchema probe(List<Path> files, CsvFormat format) {
        if (files.isEmpty()) throw new IllegalArgumentException("no files to probe");
        Path first = null;
        int columns = 0;
        for (Path file : files) {
            int c = probeColumns(file, format);
            if (c == 0) continue;
            if (first == null) {
                first = file;
                columns = c;
            } else if (c != columns) {
                throw new DataException("files have different numbers of columns: " + first + " has " + columns
                        + ", " + file + " has " + c);
            }
        }
        if (first == null) {
            throw new DataException("no record in any of " + files.size() + " files, e.g. " + files.get(0));
        }
        return new DataSchema(columns - (format.labeled() ? 1 : 0), format.labeled());
    }

    /** Columns of the file's first record, validated by parsing it, or 0 if the file has no record. */
    private static int probeColumns(Path file, CsvFormat format) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size == 0) return 0;
        Split whole = new Split(0, file.toString(), 0, size, SplitPlanner.isGzip(file));
        try (CsvSplitReader reader = new CsvSplitReader(whole, format, -1, 0)) {
            int columns = reader.peekColumns();
            if (columns == 0) return 0;
            reader.next(new DenseBatch(1, columns - (format.labeled() ? 1 : 0)));
            return columns;
        }
    }

    /**
     * The column count of the next record, fixing the expected count if it was not given, without consuming the
     * record; 0 if there is none. Used to size a batch before the first {@link #next}.
     */
    int peekColumns() {
        if (!pendingRecord) {
            if (!nextRecordLine()) return 0;
            pendingRecord = true;
        }
        if (expectedColumns == -1) fixColumns(countColumns(lines.from, lines.to));
        return expectedColumns;
    }

    /**
     * Clears {@code batch} and fills it with up to {@code batch.capacity()} records of this split: features row-major
     * in {@link DenseBatch#features()}, labels in {@link DenseBatch#labels()} if the format has a label column.
     *
     * @param batch reused across calls; its dimension must equal the number of feature columns. Modified.
     * @return false if the split had no more records (the batch is then empty)
     * @throws DataFormatException on a bad record when {@code maxBadRecords == 0}
     * @throws DataException       when the bad records exceed {@code maxBadRecords}
     */
    public boolean next(DenseBatch batch) {
        batch.clear();
        if (expectedColumns != -1) checkBatch(batch);
        float[] features = batch.features();
        float[] labels = batch.labels();
        int capacity = batch.capacity();
        int dimension = batch.dimension();
        while (batch.size() < capacity) {
            if (!pendingRecord && !nextRecordLine()) break;
            pendingRecord = false;
            if (expectedColumns == -1) {
                fixColumns(countColumns(lines.from, lines.to));
                checkBatch(batch);
            }
            int row = batch.size();
            if (parseRecord(features, row * dimension, labels, row)) {
                batch.commitRecord();
                records++;
            } else {
                badRecord();
            }
        }
        return batch.size() > 0;
    }

    /**
     * {@link #next(DenseBatch)} for a batch seen through the format-independent interface.
     *
     * @throws IllegalArgumentException if {@code batch} is not a {@link DenseBatch}
     */
    @Override
    public boolean next(Batch batch) {
        if (batch instanceof DenseBatch dense) return next(dense);
        throw new IllegalArgumentException("a CSV reader fills dense batches, not " + batch.getClass().getSimpleName()
                + " (" + split.path() + ")");
    }

    /** The CSV layout being read. */
    public CsvFormat format() {
        return format;
    }

    private void fixColumns(int columns) {
        if (format.labelColumn() >= columns) {
            throw formatError(0, "label column " + (format.labelColumn() + 1) + " does not exist: the record has "
                    + columns + (columns == 1 ? " column" : " columns"));
        }
        if (columns < (format.labeled() ? 2 : 1)) throw formatError(0, "a record with a label but no feature");
        expectedColumns = columns;
    }

    private void checkBatch(DenseBatch batch) {
        int features = expectedColumns - (format.labeled() ? 1 : 0);
        if (batch.dimension() != features) {
            throw new IllegalArgumentException("batch dimension " + batch.dimension() + " does not match the "
                    + features + " feature columns of " + split.path());
        }
    }

    // ---------------------------------------------------------------- lines

    /** Advances to the next non-empty line that is not the header; false at the end of the split. */
    private boolean nextRecordLine() {
        while (lines.next()) {
            if (format.header() && lines.atFirstLineOfFile()) continue;
            if (lines.to > lines.from) return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- fields

    /**
     * Parses the current line into a batch row; on a bad record records the error's kind and place and returns false.
     */
    private boolean parseRecord(float[] features, int featureOffset, float[] labels, int row) {
        byte[] b = lines.buf;
        int end = lines.to;
        int p = lines.from;
        int expected = expectedColumns;
        int label = labelColumn;
        byte delim = delimiter;
        int f = featureOffset;
        int column = 0;
        while (true) {
            while (p < end && isBlank(b[p])) p++;
            if (column == expected) {
                return fail(ERR_COLUMNS, 0, p, countColumns(lines.from, end));
            }
            if (p == end || b[p] == delim) {
                return fail(ERR_EMPTY, column + 1, p, 0);
            }
            int q = parser.parse(b, p, end);
            if (q < 0) return fail(q, column + 1, p, 0);
            while (q < end && isBlank(b[q])) q++;
            if (q < end && b[q] != delim) return fail(FloatParser.NOT_A_NUMBER, column + 1, p, 0);
            if (column == label) labels[row] = parser.value();
            else features[f++] = parser.value();
            column++;
            if (q == end) break;
            p = q + 1;
        }
        if (column != expected) return fail(ERR_COLUMNS, 0, p, column);
        return true;
    }

    private boolean isBlank(byte c) {
        return c == ' ' || (c == '\t' && tabIsBlank);
    }

    private int countColumns(int from, int to) {
        int n = 1;
        byte d = delimiter;
        byte[] b = lines.buf;
        for (int i = from; i < to; i++) {
            if (b[i] == d) n++;
        }
        return n;
    }

    private boolean fail(int kind, int column, int fieldFrom, int found) {
        errorKind = kind;
        errorColumn = column;
        errorFieldFrom = fieldFrom;
        errorFound = found;
        return false;
    }

    // ---------------------------------------------------------------- errors

    private void badRecord() {
        badRecords.spend(currentError());
    }

    /** The exception describing the bad record just parsed; built only when needed. */
    private DataFormatException currentError() {
        switch (errorKind) {
            case ERR_COLUMNS:
                return formatError(0, "expected " + expectedColumns + " columns, found " + errorFound);
            case ERR_EMPTY:
                return formatError(errorColumn, "empty field");
            case FloatParser.NAN:
                return formatError(errorColumn, "NaN is not allowed");
            case FloatParser.INFINITY:
                return formatError(errorColumn, "infinity is not allowed");
            case FloatParser.OUT_OF_RANGE:
                return formatError(errorColumn, "out of float range: '" + fieldText(errorFieldFrom) + "'");
            default:
                return formatError(errorColumn, "not a number: '" + fieldText(errorFieldFrom) + "'");
        }
    }

    /** The field starting at {@code from} on the current line, blanks trimmed and shortened for messages. */
    private String fieldText(int from) {
        byte[] b = lines.buf;
        int to = from;
        while (to < lines.to && b[to] != delimiter) to++;
        while (to > from && isBlank(b[to - 1])) to--;
        if (to - from <= MAX_QUOTED_FIELD) return new String(b, from, to - from, StandardCharsets.UTF_8);
        return new String(b, from, MAX_QUOTED_FIELD, StandardCharsets.UTF_8) + "...";
    }

    private DataFormatException formatError(int column, String what) {
        return new DataFormatException(split.path(), lines.lineNumber(), column, what);
    }
}
