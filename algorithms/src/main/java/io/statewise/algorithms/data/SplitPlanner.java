package io.statewise.algorithms.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts input files into {@link Split}s of about a target size, aligned to record boundaries by the planner itself.
 * Aligning at planning time (instead of letting each reader skip a partial first line, as Hadoop does) makes every
 * split self-contained: a reader never looks outside its range, and a split's records do not depend on its
 * neighbours. Reading all splits yields every record exactly once.
 *
 * <p>A file is cut into as many splits as the target size needs, of equal size (up to record alignment): a file of 1.5
 * targets becomes two splits of 0.75, not one of 1 and one of 0.5, so that the workers reading them finish together.
 * Each file is planned on its own, so adding a file to a job's data leaves the other files' splits as they were.
 *
 * <p>For each cut point the planner seeks there and scans forward to just after the next {@code '\n'}; a cut that lands
 * past the file's last newline merges with the previous split. Gzip files ({@code .gz}) cannot be entered in the middle
 * and become one split each. Empty files yield no split.
 *
 * <p>{@link #planByRecords} cuts a file into the same number of splits with equal numbers of lines instead, for
 * algorithms whose time follows the records rather than the bytes ({@link SplitBalance#RECORDS}). It reads each file
 * that needs more than one split once, keeping the start of every {@code stride}-th line in a bounded table (the
 * stride doubles when it fills), so its memory does not grow with the file and a cut is within a stride of the exact
 * one: exact up to {@value #MAX_MARKS} lines, then within 1/{@value #MAX_MARKS} of the file's lines per split at worst.
 */
public final class SplitPlanner {

    private static final int SCAN_BUFFER = 64 * 1024;
    /** Line starts kept while counting a file's lines; even, so halving the table keeps every other mark. */
    static final int MAX_MARKS = 1 << 16;

    private SplitPlanner() {}

    /**
     * Plans splits of about {@code targetSplitBytes} over {@code files}, in file order then offset order, with ids
     * {@code 0..n-1}.
     *
     * @param files            the input files, e.g. from {@link InputFiles#resolve}. Not modified.
     * @param targetSplitBytes the size to aim for, at least 1; a split is longer by up to one record
     * @throws UncheckedIOException if a file cannot be read
     */
    public static List<Split> plan(List<Path> files, long targetSplitBytes) {
        return planEach(files, targetSplitBytes, SplitPlanner::cutByBytes);
    }

    /**
     * Plans the same number of splits per file as {@link #plan}, each with an equal number of lines (records) instead
     * of bytes, up to the line-start table's stride.
     *
     * @throws UncheckedIOException if a file cannot be read
     */
    public static List<Split> planByRecords(List<Path> files, long targetSplitBytes) {
        return planEach(files, targetSplitBytes, SplitPlanner::cutByLines);
    }

    /** Cuts a file of {@code size} bytes that needs {@code pieces} (at least 2) splits; appends them to {@code out}. */
    private interface FileCutter {
        void cut(Path file, long size, long pieces, ByteBuffer scan, List<Split> out) throws IOException;
    }

    /** The files' splits: none of an empty file, one of a gzip file or a file of one piece, else {@code cutter}'s. */
    private static List<Split> planEach(List<Path> files, long targetSplitBytes, FileCutter cutter) {
        if (targetSplitBytes < 1) {
            throw new IllegalArgumentException("targetSplitBytes must be >= 1, got " + targetSplitBytes);
        }
        List<Split> splits = new ArrayList<>();
        ByteBuffer scan = ByteBuffer.allocate(SCAN_BUFFER);
        for (Path file : files) {
            try {
                long size = Files.size(file);
                if (size == 0) continue;
                long pieces = pieces(size, targetSplitBytes);
                if (isGzip(file) || pieces == 1) {
                    splits.add(new Split(splits.size(), file.toString(), 0, size, isGzip(file)));
                } else {
                    cutter.cut(file, size, pieces, scan, splits);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot plan splits of " + file + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(splits);
    }

    /** Pieces of equal bytes, each cut moved to just after the next newline. */
    private static void cutByBytes(Path file, long size, long pieces, ByteBuffer scan, List<Split> out)
            throws IOException {
        long chunk = chunkOf(size, pieces);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long start = 0;
            while (start < size) {
                long cut = start + chunk;
                long end = cut >= size ? size : afterNextNewline(channel, cut - 1, size, scan);
                out.add(new Split(out.size(), file.toString(), start, end, false));
                start = end;
            }
        }
    }

    /** Pieces of equal lines, each cut at the kept line start nearest to its share of the file's lines. */
    private static void cutByLines(Path file, long size, long pieces, ByteBuffer scan, List<Split> out)
            throws IOException {
        LineStarts lines = LineStarts.of(file, size, scan);
        long start = 0;
        for (long k = 1; k < pieces; k++) {
            long cut = lines.startNear(Math.round((double) k * lines.count / pieces));
            if (cut <= start || cut >= size) continue;
            out.add(new Split(out.size(), file.toString(), start, cut, false));
            start = cut;
        }
        out.add(new Split(out.size(), file.toString(), start, size, false));
    }

    /** A file's line count and the start offsets of every {@code stride}-th line (lines stride, 2 stride, ...). */
    private static final class LineStarts {
        long count;
        long stride = 1;
        final long[] marks = new long[MAX_MARKS];
        int marked;

        static LineStarts of(Path file, long size, ByteBuffer buffer) throws IOException {
            LineStarts lines = new LineStarts();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long pos = 0;
                long newlines = 0;
                byte last = '\n';
                while (pos < size) {
                    buffer.clear();
                    int n = channel.read(buffer, pos);
                    if (n < 0) break;
                    byte[] a = buffer.array();
                    for (int i = 0; i < n; i++) {
                        if (a[i] != '\n') continue;
                        newlines++;
                        if (newlines % lines.stride == 0 && pos + i + 1 < size) lines.mark(pos + i + 1);
                    }
                    if (n > 0) last = a[n - 1];
                    pos += n;
                }
                lines.count = newlines + (last == '\n' ? 0 : 1);
            }
            return lines;
        }

        /** Records the start of line {@code (marked + 1) * stride}; when full, halves the table, doubles the stride. */
        private void mark(long offset) {
            if (marked == MAX_MARKS) {
                for (int i = 0; i < MAX_MARKS / 2; i++) marks[i] = marks[2 * i + 1];
                marked = MAX_MARKS / 2;
                stride *= 2;
                // this line is a mark of the doubled stride only if its number is an even multiple of the old one
                return;
            }
            marks[marked++] = offset;
        }

        /** The start of the kept line nearest to line {@code line} (0-based), or 0 if none is kept. */
        long startNear(long line) {
            if (marked == 0) return 0;
            long i = Math.round((double) line / stride) - 1;
            return marks[(int) Math.max(0, Math.min(marked - 1, i))];
        }
    }

    /** Whether {@code file} is read through gzip, judged by its name ending in {@code .gz}. */
    public static boolean isGzip(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** How many splits a file of {@code size} bytes needs: {@code ceil(size / target)}, at least 1. */
    static long pieces(long size, long target) {
        return Math.max(1, (size + target - 1) / target);
    }

    /** The size of each of the {@code ceil(size / target)} equal pieces of a file of {@code size} bytes. */
    static long evenChunk(long size, long target) {
        return chunkOf(size, pieces(size, target));
    }

    /** The size of each of {@code pieces} equal pieces of {@code size} bytes (the last may be shorter). */
    private static long chunkOf(long size, long pieces) {
        return (size + pieces - 1) / pieces;
    }

    /**
     * The offset just after the first {@code '\n'} at or after {@code from}, or {@code size} if there is none (the cut
     * then merges with the split being planned).
     */
    private static long afterNextNewline(FileChannel channel, long from, long size, ByteBuffer scan)
            throws IOException {
        long pos = from;
        while (pos < size) {
            scan.clear();
            int n = channel.read(scan, pos);
            if (n < 0) break;
            byte[] a = scan.array();
            for (int i = 0; i < n; i++) {
                if (a[i] == '\n') return pos + i + 1;
            }
            pos += n;
        }
        return size;
    }
}
