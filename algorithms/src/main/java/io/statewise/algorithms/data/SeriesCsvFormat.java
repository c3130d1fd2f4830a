package io.statewise.algorithms.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Time series as a long CSV of {@code series,timestamp,value} rows (comma-separated, no quoting): the rows of a series
 * are consecutive and in time order, one per step of the series' frequency; the first row's timestamp is the series'
 * start; an empty value or {@code NaN} is missing. A first line whose timestamp does not parse (a header) is skipped.
 * Splits end only where the series changes, so a series is never cut.
 */
public record SeriesCsvFormat() implements SeriesFormat {

    @Override
    public SplitReader open(Split split, DataSchema schema, long maxBadRecords) {
        return new SeriesCsvReader(split, maxBadRecords);
    }

    /**
     * Splits of about {@code targetSplitBytes}: from each cut point, the planner moves on to the first line whose
     * series differs from the line before it.
     */
    @Override
    public List<Split> plan(List<Path> inputs, long targetSplitBytes) {
        if (targetSplitBytes < 1) throw new IllegalArgumentException("targetSplitBytes must be >= 1");
        List<Split> out = new ArrayList<>();
        for (Path file : inputs) {
            try {
                long size = Files.size(file);
                if (size == 0) continue;
                if (SplitPlanner.isGzip(file)) {
                    out.add(new Split(out.size(), file.toString(), 0, size, true));
                    continue;
                }
                long start = 0;
                while (start < size) {
                    long end = start + targetSplitBytes >= size ? size : seriesBoundary(file, start + targetSplitBytes,
                            size);
                    out.add(new Split(out.size(), file.toString(), start, end, false));
                    start = end;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot plan splits of " + file + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /** The offset of the first line at or after the line containing {@code from - 1}'s end whose series changes. */
    private static long seriesBoundary(Path file, long from, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(from - 1);
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
            long offset = from - 1;
            int c;
            while ((c = in.read()) >= 0 && c != '\n') offset++; // finish the line the cut falls in
            offset++;
            byte[] previous = new byte[64];
            int previousLength = -1;
            byte[] key = new byte[64];
            while (offset < size) {
                int length = 0;
                long lineStart = offset;
                boolean inKey = true;
                while ((c = in.read()) >= 0) {
                    offset++;
                    if (c == '\n') break;
                    if (c == ',') inKey = false;
                    if (inKey) {
                        if (length == key.length) key = Arrays.copyOf(key, 2 * length);
                        key[length++] = (byte) c;
                    }
                }
                if (previousLength >= 0 && !Arrays.equals(previous, 0, previousLength, key, 0, length)) {
                    return lineStart;
                }
                byte[] swap = previous; // the two id buffers alternate: no copy per line
                previous = key;
                key = swap;
                previousLength = length;
                if (c < 0) break;
            }
            return size;
        }
    }
}
