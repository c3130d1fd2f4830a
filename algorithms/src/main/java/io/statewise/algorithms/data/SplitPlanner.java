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
 */
public final class SplitPlanner {

    private static final int SCAN_BUFFER = 64 * 1024;

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
        if (targetSplitBytes < 1) {
            throw new IllegalArgumentException("targetSplitBytes must be >= 1, got " + targetSplitBytes);
        }
        List<Split> splits = new ArrayList<>();
        ByteBuffer scan = ByteBuffer.allocate(SCAN_BUFFER);
        for (Path file : files) {
            try {
                planFile(file, targetSplitBytes, scan, splits);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot plan splits of " + file + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(splits);
    }

    /** Whether {@code file} is read through gzip, judged by its name ending in {@code .gz}. */
    public static boolean isGzip(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** The size of each of the {@code ceil(size / target)} equal pieces of a file of {@code size} bytes. */
    static long evenChunk(long size, long target) {
        long pieces = Math.max(1, (size + target - 1) / target);
        return (size + pieces - 1) / pieces;
    }

    private static void planFile(Path file, long targetSplitBytes, ByteBuffer scan, List<Split> out)
            throws IOException {
        long size = Files.size(file);
        if (size == 0) return;
        long target = evenChunk(size, targetSplitBytes);
        String path = file.toString();
        if (isGzip(file)) {
            out.add(new Split(out.size(), path, 0, size, true));
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long start = 0;
            while (start < size) {
                long cut = start + target;
                long end = cut >= size ? size : afterNextNewline(channel, cut - 1, size, scan);
                out.add(new Split(out.size(), path, start, end, false));
                start = end;
            }
        }
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
