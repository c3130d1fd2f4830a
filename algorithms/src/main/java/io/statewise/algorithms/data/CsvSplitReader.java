package io.statewise.algorithms.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the records of one {@link Split} of a CSV file of numbers into reusable {@link DenseBatch}es. This is the hot path
 * of every data pass, so it allocates nothing per record: bytes go through one reusable buffer and numbers are parsed
 * straight from bytes by a {@link FloatParser}. Objects are created only when a record is bad.
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
 * or truncated gzip file as a {@link DataException}.
 */
public final class CsvSplitReader implements AutoCloseable {

    private static final int BUFFER_SIZE = 256 * 1024;
    private static final int GZIP_BUFFER_SIZE = 64 * 1024;
    private static final int MAX_QUOTED_FIELD = 64;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private static final int ERR_COLUMNS = 1;
    private static final int ERR_EMPTY = 2;

    private final Split split;
    private final CsvFormat format;
    private final long maxBadRecords;
    private final byte delimiter;
    private final boolean tabIsBlank;
    private final int labelColumn;
    private final FloatParser parser = new FloatParser();

    private final FileChannel channel;
    private final InputStream gzip;
    private ByteBuffer window;
    private byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;
    private long nextReadOffset;
    private boolean eof;

    private int expectedColumns;
    private boolean firstLine = true;
    private boolean pendingRecord;
    private int lineFrom;
    private int lineTo;
    private long linesInSplit;
    private long linesBeforeSplit = -1;

    private long records;
    private long badRecords;
    private DataFormatException firstBadRecordError;

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
        if (maxBadRecords < 0) throw new IllegalArgumentException("maxBadRecords must be >= 0, got " + maxBadRecords);
        if (expectedColumns != -1) checkColumns(expectedColumns, format);
        this.split = split;
        this.format = format;
        this.expectedColumns = expectedColumns;
        this.maxBadRecords = maxBadRecords;
        this.delimiter = format.delimiter();
        this.tabIsBlank = format.delimiter() != '\t';
        this.labelColumn = format.labelColumn();
        Path path = Path.of(split.path());
        try {
            if (split.compressed()) {
                this.channel = null;
                this.gzip = openGzip(path);
            } else {
                this.channel = FileChannel.open(path, StandardOpenOption.READ);
                this.gzip = null;
                this.window = ByteBuffer.wrap(buf);
                this.nextReadOffset = split.start();
            }
        } catch (ZipException | EOFException e) {
            throw new DataException(split.path() + ": not a valid gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + split.path() + ": " + e.getMessage(), e);
        }
    }

    private static InputStream openGzip(Path path) throws IOException {
        InputStream raw = Files.newInputStream(path);
        try {
            return new GZIPInputStream(raw, GZIP_BUFFER_SIZE);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
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
        if (expectedColumns == -1) fixColumns(countColumns(lineFrom, lineTo));
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
                fixColumns(countColumns(lineFrom, lineTo));
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

    /** Good records read so far. */
    public long records() {
        return records;
    }

    /** Bad records skipped so far. */
    public long badRecords() {
        return badRecords;
    }

    /** The error of the first bad record, if any: what to show the user when records were skipped. */
    public Optional<DataFormatException> firstBadRecordError() {
        return Optional.ofNullable(firstBadRecordError);
    }

    /** The split being read. */
    public Split split() {
        return split;
    }

    /** The CSV layout being read. */
    public CsvFormat format() {
        return format;
    }

    /** Closes the file. */
    @Override
    public void close() {
        try {
            if (channel != null) channel.close();
            if (gzip != null) gzip.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + split.path() + ": " + e.getMessage(), e);
        }
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
        while (nextLine()) {
            if (firstLine) {
                firstLine = false;
                if (split.start() == 0) {
                    skipByteOrderMark();
                    if (format.header()) continue;
                }
            }
            if (lineTo > lineFrom) return true;
        }
        return false;
    }

    private void skipByteOrderMark() {
        if (lineTo - lineFrom >= 3 && buf[lineFrom] == (byte) 0xEF && buf[lineFrom + 1] == (byte) 0xBB
                && buf[lineFrom + 2] == (byte) 0xBF) {
            lineFrom += 3;
        }
    }

    /** Advances to the next line, setting {@code lineFrom}/{@code lineTo} with trailing blanks trimmed. */
    private boolean nextLine() {
        int i = pos;
        while (true) {
            int newline = indexOfNewline(buf, i, limit);
            if (newline >= 0) {
                setLine(pos, newline);
                pos = newline + 1;
                return true;
            }
            if (eof) {
                if (pos == limit) return false;
                setLine(pos, limit);
                pos = limit;
                return true;
            }
            i = limit - pos; // the bytes already scanned, once fill() has moved them to the buffer's start
            fill();
        }
    }

    /**
     * The offset of the first {@code '\n'} in {@code [from, to)}, or -1. Tests eight bytes at a time (the classic
     * "has zero byte" bit trick on the word XOR {@code 0x0A0A...}): lines are scanned before being parsed, so this
     * loop sees every byte of the input.
     */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i) ^ NEWLINES;
            long zeros = (word - ONES) & ~word & HIGH_BITS;
            if (zeros != 0) return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
        }
        for (; i < to; i++) {
            if (b[i] == '\n') return i;
        }
        return -1;
    }

    private void setLine(int from, int to) {
        byte[] b = buf;
        while (to > from) {
            byte c = b[to - 1];
            if (c == '\r' || c == ' ' || (c == '\t' && tabIsBlank)) to--;
            else break;
        }
        lineFrom = from;
        lineTo = to;
        linesInSplit++;
    }

    /** Moves the unread bytes to the buffer's start (growing it if one line fills it) and reads more. */
    private void fill() {
        int unread = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, unread);
            pos = 0;
            limit = unread;
        } else if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer: rare
            if (window != null) window = ByteBuffer.wrap(buf);
        }
        try {
            int n = channel != null ? readChannel() : gzip.read(buf, limit, buf.length - limit);
            if (n < 0) eof = true;
            else limit += n;
        } catch (ZipException | EOFException e) {
            throw new DataException(split.path() + ": corrupt or truncated gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + split.path() + ": " + e.getMessage(), e);
        }
    }

    private int readChannel() throws IOException {
        long remaining = split.end() - nextReadOffset;
        if (remaining <= 0) return -1;
        int want = (int) Math.min(remaining, buf.length - limit);
        window.limit(limit + want).position(limit);
        int n = channel.read(window, nextReadOffset);
        if (n > 0) nextReadOffset += n;
        return n;
    }

    // ---------------------------------------------------------------- fields

    /**
     * Parses the current line into a batch row; on a bad record records the error's kind and place and returns false.
     */
    private boolean parseRecord(float[] features, int featureOffset, float[] labels, int row) {
        byte[] b = buf;
        int end = lineTo;
        int p = lineFrom;
        int expected = expectedColumns;
        int label = labelColumn;
        byte delim = delimiter;
        int f = featureOffset;
        int column = 0;
        while (true) {
            while (p < end && isBlank(b[p])) p++;
            if (column == expected) {
                return fail(ERR_COLUMNS, 0, p, countColumns(lineFrom, end));
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
        for (int i = from; i < to; i++) {
            if (buf[i] == d) n++;
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
        badRecords++;
        DataFormatException error = currentError();
        if (firstBadRecordError == null) firstBadRecordError = error;
        if (badRecords > maxBadRecords) {
            if (maxBadRecords == 0) throw error;
            throw new DataException(split.path() + " [" + split.start() + ", " + split.end() + "): " + badRecords
                    + " bad records exceed maxBadRecords " + maxBadRecords + "; the first: "
                    + firstBadRecordError.getMessage(), error);
        }
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
        int to = from;
        while (to < lineTo && buf[to] != delimiter) to++;
        while (to > from && isBlank(buf[to - 1])) to--;
        if (to - from <= MAX_QUOTED_FIELD) return new String(buf, from, to - from, StandardCharsets.UTF_8);
        return new String(buf, from, MAX_QUOTED_FIELD, StandardCharsets.UTF_8) + "...";
    }

    private DataFormatException formatError(int column, String what) {
        return new DataFormatException(split.path(), linesBeforeSplit() + linesInSplit, column, what);
    }

    /** Newlines in the file before the split: counted once, on the first error. */
    private long linesBeforeSplit() {
        if (linesBeforeSplit < 0) {
            linesBeforeSplit = split.start() == 0 ? 0 : countNewlines(Path.of(split.path()), split.start());
        }
        return linesBeforeSplit;
    }

    private static long countNewlines(Path file, long until) {
        long lines = 0;
        ByteBuffer scan = ByteBuffer.allocate(64 * 1024);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long offset = 0;
            while (offset < until) {
                scan.clear();
                scan.limit((int) Math.min(scan.capacity(), until - offset));
                int n = ch.read(scan, offset);
                if (n < 0) break;
                byte[] a = scan.array();
                for (int i = 0; i < n; i++) {
                    if (a[i] == '\n') lines++;
                }
                offset += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
