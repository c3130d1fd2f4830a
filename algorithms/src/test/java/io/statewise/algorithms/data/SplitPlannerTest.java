package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
