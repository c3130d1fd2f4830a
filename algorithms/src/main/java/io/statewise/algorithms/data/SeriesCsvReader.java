package io.statewise.algorithms.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a split of {@link SeriesCsvFormat} into {@link SeriesBatch}es: consecutive rows of one series id make one
 * series. A row with a timestamp or value that does not parse is a bad record ({@code file:line:column: what}); its
 * series continues without it. A series without an observed value is a bad record too (reported at its first line).
 */
final class SeriesCsvReader extends SeriesSplitReader {

    private final FloatParser numbers = new FloatParser();
    /** The id bytes of the series being built, and whether one is. */
    private byte[] current = new byte[64];
    private int currentLength = -1;
    private long currentLine;
    private boolean currentObserved;
    /** A row read for the next series when the batch was full: kept for the next call. */
    private boolean held;

    SeriesCsvReader(Split split, long maxBadRecords) {
        super(split, maxBadRecords);
    }

    @Override
    boolean fill(SeriesBatch series) {
        if (held) {
            held = false;
            row(series, indexOf(lines.buf, lines.from, lines.to, (byte) ','));
        }
        while (lines.next()) {
            if (lines.from == lines.to) continue;
            int comma = indexOf(lines.buf, lines.from, lines.to, (byte) ',');
            if (comma < 0) {
                badRecords.spend(new DataFormatException(split.path(), lines.lineNumber(), 0,
                        "expected series,timestamp,value"));
                continue;
            }
            boolean same = currentLength == comma - lines.from
                    && Arrays.equals(current, 0, currentLength, lines.buf, lines.from, comma);
            if (!same && currentLength >= 0) {
                finish(series);
                if (series.isFull()) {
                    held = true;
                    return true;
                }
            }
            row(series, comma);
        }
        if (currentLength >= 0) finish(series);
        return series.size() > 0;
    }

    /** Adds the current line, whose first comma is at {@code comma}, to its series, starting it if it is new. */
    private void row(SeriesBatch series, int comma) {
        byte[] b = lines.buf;
        int second = indexOf(b, comma + 1, lines.to, (byte) ',');
        if (second < 0) {
            badRecords.spend(new DataFormatException(split.path(), lines.lineNumber(), 0,
                    "expected series,timestamp,value"));
            return;
        }
        boolean starting = currentLength < 0;
        if (starting) {
            long start = Timestamps.parse(b, comma + 1, second);
            if (start == Timestamps.INVALID) {
                if (lines.atFirstLineOfFile()) return; // a header
                badRecords.spend(new DataFormatException(split.path(), lines.lineNumber(), 2, "timestamp '"
                        + new String(b, comma + 1, second - comma - 1, StandardCharsets.UTF_8)
                        + "' is not YYYY-MM-DD HH:MM:SS"));
                return;
            }
            int length = comma - lines.from;
            if (current.length < length) current = new byte[2 * length];
            System.arraycopy(b, lines.from, current, 0, length);
            currentLength = length;
            currentLine = lines.lineNumber();
            currentObserved = false;
            String id = new String(b, lines.from, length, StandardCharsets.UTF_8);
            series.beginSeries(id, split.path() + ":" + currentLine, start);
        }
        float v = Float.NaN;
        int from = second + 1;
        if (from < lines.to && !FloatParser.isNan(b, from, lines.to)) {
            int next = numbers.parse(b, from, lines.to);
            if (next != lines.to) {
                badRecords.spend(new DataFormatException(split.path(), lines.lineNumber(), 3, "value '"
                        + new String(b, from, lines.to - from, StandardCharsets.UTF_8) + "' is not a number"));
                return;
            }
            v = numbers.value();
            currentObserved = true;
        }
        series.appendValue(v);
    }

    private void finish(SeriesBatch series) {
        if (currentObserved) {
            series.commitSeries(0);
            records++;
        } else {
            series.abandonSeries();
            badRecords.spend(new DataFormatException(split.path(), currentLine, 0, "series '"
                    + new String(current, 0, currentLength, StandardCharsets.UTF_8)
                    + "' has no observed value (all missing)"));
        }
        currentLength = -1;
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) return i;
        }
        return -1;
    }
}
