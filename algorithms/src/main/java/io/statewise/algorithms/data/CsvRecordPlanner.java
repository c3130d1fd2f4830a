package io.statewise.algorithms.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans splits of CSV files whose quoted fields may hold line breaks: a newline inside quotes does not end a record,
 * and whether a newline is inside quotes depends on every quote before it. So, unlike {@link SplitPlanner}, which seeks
 * to each cut point, this planner reads each file once from its start, tracking quotes with {@link CsvQuotes}, and cuts
 * after the first record end past each target (the file's equal share of it, as {@link SplitPlanner} sizes splits).
 * Planning costs one sequential read of the data. A gzip file is one
 * split; empty files have none.
 */
final class CsvRecordPlanner {

    private CsvRecordPlanner() {}

    /**
     * Splits of about {@code targetSplitBytes}, each ending after a record's final newline.
     *
     * @param files     CSV files. Not modified.
     * @param delimiter the field delimiter
     */
    static List<Split> plan(List<Path> files, long targetSplitBytes, byte delimiter) {
        if (targetSplitBytes < 1) {
            throw new IllegalArgumentException("targetSplitBytes must be >= 1, got " + targetSplitBytes);
        }
        List<Split> out = new ArrayList<>();
        for (Path file : files) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot plan splits of " + file + ": " + e.getMessage(), e);
            }
            if (size == 0) continue;
            String path = file.toString();
            if (SplitPlanner.isGzip(file)) {
                out.add(new Split(out.size(), path, 0, size, true));
                continue;
            }
            long target = SplitPlanner.evenChunk(size, targetSplitBytes);
            long start = 0;
            CsvQuotes quotes = new CsvQuotes(delimiter);
            try (SplitLines lines = new SplitLines(new Split(0, path, 0, size, false), delimiter != '\t')) {
                while (lines.next()) {
                    for (int p = lines.from, e; (e = quotes.scanField(lines.buf, p, lines.to)) < lines.to; ) p = e + 1;
                    if (quotes.quoted()) continue;
                    quotes.startRecord();
                    long end = lines.offsetAfterLine();
                    if (end - start >= target && end < size) {
                        out.add(new Split(out.size(), path, start, end, false));
                        start = end;
                    }
                }
            }
            out.add(new Split(out.size(), path, start, size, false));
        }
        return List.copyOf(out);
    }
}
