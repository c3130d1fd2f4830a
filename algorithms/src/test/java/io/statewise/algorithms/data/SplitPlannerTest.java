package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitPlannerTest {

    @TempDir
    Path dir;

    @Test
    void alignsCutsToTheNextNewline() throws IOException {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "11,12\n21,22\n31,32\n41"); // lines start at 0, 6, 12, 18; 20 bytes
        String p = file.toString();
        assertEquals(List.of(new Split(0, p, 0, 6, false), new Split(1, p, 6, 12, false),
                new Split(2, p, 12, 18, false), new Split(3, p, 18, 20, false)), SplitPlanner.plan(List.of(file), 6));
        assertEquals(List.of(new Split(0, p, 0, 12, false), new Split(1, p, 12, 20, false)),
                SplitPlanner.plan(List.of(file), 7));
        assertEquals(List.of(new Split(0, p, 0, 12, false), new Split(1, p, 12, 20, false)),
                SplitPlanner.plan(List.of(file), 19), "20 bytes need two splits of 19: halves, aligned");
        assertEquals(List.of(new Split(0, p, 0, 20, false)), SplitPlanner.plan(List.of(file), 20));
    }

    @Test
    void mergesACutPastTheLastNewlineIntoThePreviousSplit() throws IOException {
        Path file = dir.resolve("b.csv");
        Files.writeString(file, "1\n2222222222");
        assertEquals(List.of(new Split(0, file.toString(), 0, 2, false), new Split(1, file.toString(), 2, 12, false)),
                SplitPlanner.plan(List.of(file), 1));
        Path noNewline = dir.resolve("c.csv");
        Files.writeString(noNewline, "123456789");
        assertEquals(List.of(new Split(0, noNewline.toString(), 0, 9, false)),
                SplitPlanner.plan(List.of(noNewline), 2));
    }

    @Test
    void numbersSplitsAcrossFilesAndKeepsGzipWhole() throws IOException {
        Path a = dir.resolve("a.csv");
        Path empty = dir.resolve("empty.csv");
        Path gz = dir.resolve("b.CSV.GZ");
        Files.writeString(a, "1\n2\n");
        Files.createFile(empty);
        Files.write(gz, new byte[100]);
        assertEquals(List.of(new Split(0, a.toString(), 0, 2, false), new Split(1, a.toString(), 2, 4, false),
                new Split(2, gz.toString(), 0, 100, true)), SplitPlanner.plan(List.of(a, empty, gz), 1));
    }

    @Test
    void cutsAFileIntoEqualSplits() throws IOException {
        Path file = dir.resolve("even.csv");
        Files.writeString(file, "123456789\n".repeat(10)); // 100 bytes, 1.67 targets of 60
        String p = file.toString();
        List<Split> expected = List.of(new Split(0, p, 0, 50, false), new Split(1, p, 50, 100, false));
        assertEquals(expected, SplitPlanner.plan(List.of(file), 60), "two halves, not 60 + 40");
        assertEquals(expected, CsvRecordPlanner.plan(List.of(file), 60, (byte) ','), "the same for quoted CSV");
    }

    @Test
    void rejectsANonPositiveTarget() {
        assertThrows(IllegalArgumentException.class, () -> SplitPlanner.plan(List.of(), 0));
    }

    @Test
    void plansByRecordsWithEqualLineCountsWhereBytesWouldNot() throws IOException {
        Path file = dir.resolve("skewed.svm");
        String shortLines = "1\n".repeat(30); // 30 lines in 60 bytes
        String longLines = ("1 " + "9".repeat(47) + "\n").repeat(10); // 10 lines in 500 bytes
        Files.writeString(file, shortLines + longLines);
        String p = file.toString();
        assertEquals(List.of(new Split(0, p, 0, 40, false), new Split(1, p, 40, 560, false)),
                SplitPlanner.planByRecords(List.of(file), 280), "two splits of 20 lines each");
        List<Split> byBytes = SplitPlanner.plan(List.of(file), 280);
        assertEquals(2, byBytes.size());
        assertEquals(35, lines(file, byBytes.get(0)), "by bytes the first half holds 35 of the 40 lines");
    }

    @Test
    void plansByRecordsAcrossFilesAndKeepsGzipAndSmallFilesWhole() throws IOException {
        Path a = dir.resolve("a.txt");
        Path small = dir.resolve("small.txt");
        Path empty = dir.resolve("empty.txt");
        Path gz = dir.resolve("c.txt.gz");
        Files.writeString(a, "a\nbb\nccc\ndddd\neeeee\nf"); // 6 lines, the last without a newline, 21 bytes
        Files.writeString(small, "x\n");
        Files.createFile(empty);
        Files.write(gz, new byte[100]);
        String p = a.toString();
        assertEquals(List.of(new Split(0, p, 0, 5, false), new Split(1, p, 5, 14, false), new Split(2, p, 14, 21, false),
                        new Split(3, small.toString(), 0, 2, false), new Split(4, gz.toString(), 0, 100, true)),
                SplitPlanner.planByRecords(List.of(a, small, empty, gz), 8), "21 bytes of 8: three splits of 2 lines");
    }

    @Test
    void plansByRecordsInBoundedMemoryOnFilesOfManyLines() throws IOException {
        Path file = dir.resolve("many.txt");
        int count = 3 * SplitPlanner.MAX_MARKS + 11;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) text.append(i < count / 3 ? "1" : "123456789").append('\n');
        Files.writeString(file, text);
        List<Split> splits = SplitPlanner.planByRecords(List.of(file), Files.size(file) / 4 + 1);
        assertEquals(4, splits.size());
        long start = 0;
        long total = 0;
        for (Split split : splits) {
            assertEquals(start, split.start(), "splits are back to back");
            long n = lines(file, split);
            // the table kept every fourth line start, so a cut is within two lines of the exact quarter
            assertTrue(Math.abs(n - count / 4.0) <= 3, "split " + split.id() + " holds " + n + " lines");
            total += n;
            start = split.end();
        }
        assertEquals(Files.size(file), start);
        assertEquals(count, total);
    }

    private static long lines(Path file, Split split) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long n = 0;
        for (long i = split.start(); i < split.end(); i++) if (bytes[(int) i] == '\n') n++;
        return n;
    }
}
