package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Planning steps shared by the readers' property tests, whatever the format. */
final class SplitTesting {

    private SplitTesting() {}

    /**
     * Writes {@code text} to {@code file} and plans it with a random split size (many small splits half of the
     * time), checking that the splits cover the file and end after newlines.
     */
    static List<Split> writeAndPlanRandomly(Path file, String text, Random random) throws IOException {
        return writeAndPlanRandomly(file, text, random, CsvFormat.defaults());
    }

    /** As {@link #writeAndPlanRandomly(Path, String, Random)}, planned by {@code format} (its record alignment). */
    static List<Split> writeAndPlanRandomly(Path file, String text, Random random, DataFormat format)
            throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        long size = Files.size(file);
        long bound = random.nextBoolean() ? size : Math.max(1, size / 50);
        long target = size == 0 ? 1 : 1 + random.nextLong(bound);
        List<Split> splits = format.plan(List.of(file), target);
        assertSplitsCover(file, splits, size);
        return splits;
    }

    /** Writes {@code text} gzipped and checks that the file is planned as one compressed split. */
    static List<Split> writeGzipAndPlan(Path file, String text) throws IOException {
        return writeGzipAndPlan(file, text, CsvFormat.defaults());
    }

    /** As {@link #writeGzipAndPlan(Path, String)}, planned by {@code format}. */
    static List<Split> writeGzipAndPlan(Path file, String text, DataFormat format) throws IOException {
        writeGzip(file, text);
        List<Split> splits = format.plan(List.of(file), 100);
        assertEquals(List.of(new Split(0, file.toString(), 0, Files.size(file), true)), splits);
        return splits;
    }

    /** Writes {@code text} to {@code file} gzipped. */
    static void writeGzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void assertSplitsCover(Path file, List<Split> splits, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long expectedStart = 0;
        for (int i = 0; i < splits.size(); i++) {
            Split s = splits.get(i);
            assertEquals(i, s.id());
            assertEquals(expectedStart, s.start());
            assertTrue(s.end() > s.start(), "split " + i + " is not empty");
            assertFalse(s.compressed());
            if (s.end() < size) assertEquals('\n', bytes[(int) s.end() - 1], "split " + i + " ends after a newline");
            expectedStart = s.end();
        }
        assertEquals(size, expectedStart);
    }
}
