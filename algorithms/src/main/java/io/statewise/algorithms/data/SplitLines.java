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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The lines of one {@link Split}, as byte ranges of one reusable buffer: the part of every reader that does not depend
 * on the record syntax (CSV, LibSVM). Reads the split's byte range through a {@link FileChannel} (or a whole gzip
 * file through {@link GZIPInputStream}) and finds line ends eight bytes at a time, allocating nothing per line.
 *
 * <p>Lines are split on {@code '\n'}; a trailing {@code '\r'} (CRLF) and trailing blanks are trimmed, a missing final
 * newline is accepted, and a UTF-8 byte order mark at the start of a file is dropped. Empty lines are returned (as
 * {@code from == to}): the reader decides what they mean.
 *
 * <p>Line numbers in error messages are absolute in the file: lines are counted within the split, and only when an
 * error needs a line number are the newlines before the split counted, once.
 *
 * <p>The current line is exposed as fields ({@link #buf}, {@link #from}, {@link #to}) because the readers' field loops
 * are the hot path of every data pass. Not thread-safe: one instance per reader.
 */
final class SplitLines implements AutoCloseable {

    private static final int BUFFER_SIZE = 256 * 1024;
    private static final int GZIP_BUFFER_SIZE = 64 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** The buffer holding the current line; replaced when a line is longer than it. */
    byte[] buf = new byte[BUFFER_SIZE];
    /** Offset of the current line's first byte in {@link #buf}. */
    int from;
    /** Offset just past the current line's last byte, trailing blanks and {@code '\r'} excluded. */
    int to;

    private final Split split;
    private final boolean tabIsBlank;
    private final FileChannel channel;
    /** A gzip file's decompressed bytes, or a stream's ({@link #SplitLines(Split, InputStream, boolean)}). */
    private final InputStream stream;
    private ByteBuffer window;
    private int pos;
    private int limit;
    private long nextReadOffset;
    private boolean eof;
    private long linesInSplit;
    private long linesBeforeSplit = -1;

    /**
     * Opens a split.
     *
     * @param split      the byte range to read; its file must exist
     * @param tabIsBlank whether a trailing tab is trimmed like a space (not when tab is the CSV delimiter)
     * @throws UncheckedIOException if the file cannot be opened
     * @throws DataException        if a gzip file has no valid header
     */
    SplitLines(Split split, boolean tabIsBlank) {
        this.split = split;
        this.tabIsBlank = tabIsBlank;
        Path path = Path.of(split.path());
        try {
            if (split.compressed()) {
                this.channel = null;
                this.stream = openGzip(path);
            } else {
                this.channel = FileChannel.open(path, StandardOpenOption.READ);
                this.stream = null;
                this.window = ByteBuffer.wrap(buf);
                this.nextReadOffset = split.start();
            }
        } catch (ZipException | EOFException e) {
            throw new DataException(split.path() + ": not a valid gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + split.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lines of a stream that is not a file (records posted over HTTP), read as they arrive: a read blocks until
     * the stream has bytes. {@code split} names the stream in error messages; it must be {@code compressed} (a stream
     * has no byte offsets to cut at) and is never opened.
     *
     * @param stream the bytes; closed by {@link #close()}
     */
    SplitLines(Split split, InputStream stream, boolean tabIsBlank) {
        if (!split.compressed()) throw new IllegalArgumentException("a stream is read whole: its split is compressed");
        this.split = split;
        this.tabIsBlank = tabIsBlank;
        this.channel = null;
        this.stream = stream;
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

    /**
     * Advances to the next line of the split, possibly empty, setting {@link #from} and {@link #to}.
     *
     * @return false at the end of the split
     */
    boolean next() {
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

    private void setLine(int lineFrom, int lineTo) {
        byte[] b = buf;
        while (lineTo > lineFrom) {
            byte c = b[lineTo - 1];
            if (c == '\r' || c == ' ' || (c == '\t' && tabIsBlank)) lineTo--;
            else break;
        }
        if (linesInSplit == 0 && split.start() == 0 && lineTo - lineFrom >= 3 && b[lineFrom] == (byte) 0xEF
                && b[lineFrom + 1] == (byte) 0xBB && b[lineFrom + 2] == (byte) 0xBF) {
            lineFrom += 3; // a UTF-8 byte order mark
        }
        from = lineFrom;
        to = lineTo;
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
            int n = channel != null ? readChannel() : stream.read(buf, limit, buf.length - limit);
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

    /**
     * The file offset just past the current line and its newline: where a split starting after this line would
     * start. Only for uncompressed splits (a gzip split is never cut).
     */
    long offsetAfterLine() {
        if (channel == null) throw new IllegalStateException("no byte offsets in a gzip stream: " + split.path());
        return nextReadOffset - (limit - pos);
    }

    /** Lines returned so far by {@link #next()}: the current line's number within the split. */
    long linesRead() {
        return linesInSplit;
    }

    /** The 1-based line number in the whole file of the split's line {@code lineInSplit} (1-based). */
    long lineNumber(long lineInSplit) {
        return lineNumber() - (linesInSplit - lineInSplit);
    }

    /** Whether the current line is the first line of its file (the split starts at byte 0 and this is its first). */
    boolean atFirstLineOfFile() {
        return linesInSplit == 1 && split.start() == 0;
    }

    /** The 1-based line number of the current line in the whole file; counts the lines before the split once. */
    long lineNumber() {
        if (linesBeforeSplit < 0) {
            linesBeforeSplit = split.start() == 0 ? 0 : countNewlines(Path.of(split.path()), split.start());
        }
        return linesBeforeSplit + linesInSplit;
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

    /** Closes the file. */
    @Override
    public void close() {
        try {
            if (channel != null) channel.close();
            if (stream != null) stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + split.path() + ": " + e.getMessage(), e);
        }
    }
}
