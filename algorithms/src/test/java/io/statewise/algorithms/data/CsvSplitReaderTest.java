package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSplitReaderTest {

    private static final CsvFormat UNLABELED = CsvFormat.defaults().withLabelColumn(CsvFormat.NO_LABEL);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Split whole(Path file) throws IOException {
        return new Split(0, file.toString(), 0, Files.size(file), false);
    }

    /** Every record of every split, row-major, with maxBadRecords 0. */
    private static float[] readAll(List<Split> splits, CsvFormat format, int columns, int dimension) {
        float[] all = new float[0];
        DenseBatch batch = new DenseBatch(7, dimension);
        for (Split split : splits) {
            try (CsvSplitReader reader = new CsvSplitReader(split, format, columns, 0)) {
                while (reader.next(batch)) {
                    int n = batch.size() * dimension;
                    all = Arrays.copyOf(all, all.length + n);
                    System.arraycopy(batch.features(), 0, all, all.length - n, n);
                }
            }
        }
        return all;
    }

    private DataFormatException firstError(String text, CsvFormat format, int columns) throws IOException {
        Path file = write("bad.csv", text);
        int dimension = columns - (format.labeled() ? 1 : 0);
        try (CsvSplitReader reader = new CsvSplitReader(whole(file), format, columns, 0)) {
            DenseBatch batch = new DenseBatch(16, dimension);
            return assertThrows(DataFormatException.class, () -> {
                while (reader.next(batch)) {
                    // until the error
                }
            });
        }
    }

    private void assertError(String text, int columns, long line, int column, String what) throws IOException {
        DataFormatException e = firstError(text, UNLABELED, columns);
        String file = dir.resolve("bad.csv").toString();
        assertEquals(file, e.file());
        assertEquals(line, e.line());
        assertEquals(column, e.column());
        assertEquals(what, e.what());
        assertEquals(column > 0 ? file + ":" + line + ":" + column + ": " + what : file + ":" + line + ": " + what,
                e.getMessage());
    }

    @Test
    void reportsWrongColumnCounts() throws IOException {
        assertError("1,2,3\n4,5\n", 3, 2, 0, "expected 3 columns, found 2");
        assertError("1,2,3\n4,5,6,7\n", 3, 2, 0, "expected 3 columns, found 4");
        assertError("1,2,3\n4,5,6,\n", 3, 2, 0, "expected 3 columns, found 4");
    }

    @Test
    void reportsBadFieldsWithTheirColumn() throws IOException {
        assertError("1,2,3\n\n4,abc,6\n", 3, 3, 2, "not a number: 'abc'");
        assertError("1,2x,3\n", 3, 1, 2, "not a number: '2x'");
        assertError("1,2,3 4\n", 3, 1, 3, "not a number: '3 4'");
        assertError("1,2,\"3\"\n", 3, 1, 3, "not a number: '\"3\"'");
        assertError("1,NaN,3\n", 3, 1, 2, "NaN is not allowed");
        assertError("1,2,-nan\n", 3, 1, 3, "NaN is not allowed");
        assertError("inf,2,3\n", 3, 1, 1, "infinity is not allowed");
        assertError("1,-Infinity,3\n", 3, 1, 2, "infinity is not allowed");
        assertError("1,,3\n", 3, 1, 2, "empty field");
        assertError("1, ,3\n", 3, 1, 2, "empty field");
        assertError("1,2,1e39\n", 3, 1, 3, "out of float range: '1e39'");
    }

    @Test
    void countsLinesAcrossCrlfAndEmptyLines() throws IOException {
        assertError("1,2\r\n\r\n  \r\n3,4\r\n5;6\r\n", 2, 5, 1, "not a number: '5;6'");
    }

    @Test
    void reportsAbsoluteLineNumbersFromALaterSplit() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 500; i++) text.append(i == 437 ? "1,oops" : i + ",1").append(i % 7 == 0 ? "\r\n" : "\n");
        Path file = write("many.csv", text.toString());
        List<Split> splits = SplitPlanner.plan(List.of(file), 100);
        assertTrue(splits.size() > 10);
        DataFormatException e = assertThrows(DataFormatException.class, () -> readAll(splits, UNLABELED, 2, 2));
        assertEquals(437, e.line());
        assertEquals(2, e.column());
        assertEquals(file + ":437:2: not a number: 'oops'", e.getMessage());
    }

    @Test
    void skipsAndCountsBadRecordsUpToTheLimit() throws IOException {
        Path file = write("some-bad.csv", "1,2\n3,x\n5,6\n7\n9,10\nnan,1\n11,12\n");
        float[] good = {1, 2, 5, 6, 9, 10, 11, 12};
        try (CsvSplitReader reader = new CsvSplitReader(whole(file), UNLABELED, 2, 3)) {
            DenseBatch batch = new DenseBatch(100, 2);
            assertTrue(reader.next(batch));
            assertArrayEquals(good, Arrays.copyOf(batch.features(), batch.size() * 2));
            assertFalse(reader.next(batch));
            assertEquals(4, reader.records());
            assertEquals(3, reader.badRecords());
            DataFormatException first = reader.firstBadRecordError().orElseThrow();
            assertEquals(2, first.line());
            assertEquals("not a number: 'x'", first.what());
        }
        try (CsvSplitReader reader = new CsvSplitReader(whole(file), UNLABELED, 2, 2)) {
            DenseBatch batch = new DenseBatch(100, 2);
            DataException e = assertThrows(DataException.class, () -> reader.next(batch));
            assertFalse(e instanceof DataFormatException, "exceeding the limit is not one record's fault");
            assertTrue(e.getMessage().contains("3 bad records exceed maxBadRecords 2"), e.getMessage());
            assertTrue(e.getMessage().contains(file + ":2:2: not a number: 'x'"), e.getMessage());
            DataFormatException last = assertInstanceOf(DataFormatException.class, e.getCause());
            assertEquals(6, last.line());
            assertEquals(3, reader.records());
        }
    }

    @Test
    void withoutToleranceTheFirstBadRecordThrowsAndIsRemembered() throws IOException {
        Path file = write("one-bad.csv", "1,2\n3,x\n");
        try (CsvSplitReader reader = new CsvSplitReader(whole(file), UNLABELED, 2, 0)) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> reader.next(new DenseBatch(4, 2)));
            assertEquals(e, reader.firstBadRecordError().orElseThrow());
            assertEquals(1, reader.badRecords());
        }
    }

    @Test
    void skipsTheHeaderOnlyInTheFirstSplit() throws IOException {
        Path file = write("header.csv", "\uFEFFx,y\n1,2\n3,4\n5,6\n");
        CsvFormat format = UNLABELED.withHeader(true);
        for (long target = 1; target <= Files.size(file); target++) {
            List<Split> splits = SplitPlanner.plan(List.of(file), target);
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, readAll(splits, format, -1, 2), "target " + target);
        }
        DataFormatException e = firstError("x,y\n1,2\n", UNLABELED, 2);
        assertEquals(1, e.line());
        assertEquals("not a number: 'x'", e.what());
    }

    @Test
    void readsALabelInTheMiddle() throws IOException {
        Path file = write("labeled.csv", "1,2,9,3\n4, 5, 8, 6  \n");
        try (CsvSplitReader reader = new CsvSplitReader(whole(file), CsvFormat.defaults().withLabelColumn(2), 4, 0)) {
            DenseBatch batch = new DenseBatch(10, 3);
            assertTrue(reader.next(batch));
            assertEquals(2, batch.size());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, Arrays.copyOf(batch.features(), 6));
            assertArrayEquals(new float[] {9, 8}, Arrays.copyOf(batch.labels(), 2));
        }
    }

    @Test
    void readsALabelFirstByDefault() throws IOException {
        Path file = write("first.csv", "0;1.5;2\n1;-3;+4e1");
        CsvFormat format = CsvFormat.defaults().withDelimiter((byte) ';');
        try (CsvSplitReader reader = new CsvSplitReader(whole(file), format, -1, 0)) {
            DenseBatch batch = new DenseBatch(10, 2);
            assertTrue(reader.next(batch));
            assertArrayEquals(new float[] {1.5f, 2, -3, 40}, Arrays.copyOf(batch.features(), 4));
            assertArrayEquals(new float[] {0, 1}, Arrays.copyOf(batch.labels(), 2));
            assertFalse(reader.next(batch));
            assertEquals(0, batch.size());
        }
    }

    @Test
    void readsUnlabeledDataIntoFeaturesOnly() throws IOException {
        Path file = write("unlabeled.csv", "1\t2\n3\t4\n");
        CsvFormat format = UNLABELED.withDelimiter((byte) '\t');
        try (CsvSplitReader reader = new CsvSplitReader(whole(file), format, 2, 0)) {
            DenseBatch batch = new DenseBatch(1, 2);
            assertTrue(reader.next(batch));
            assertArrayEquals(new float[] {1, 2}, batch.features());
            assertTrue(reader.next(batch));
            assertArrayEquals(new float[] {3, 4}, batch.features());
            assertFalse(reader.next(batch));
            assertEquals(2, reader.records());
        }
    }

    @Test
    void rejectsInconsistentArguments() throws IOException {
        Split split = whole(write("ok.csv", "1,2,3\n"));
        assertThrows(IllegalArgumentException.class, () -> new CsvSplitReader(split, UNLABELED, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CsvSplitReader(split, CsvFormat.defaults(), 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new CsvSplitReader(split, CsvFormat.defaults().withLabelColumn(3), 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new CsvSplitReader(split, UNLABELED, 3, -1));
        try (CsvSplitReader reader = new CsvSplitReader(split, UNLABELED, 3, 0)) {
            assertThrows(IllegalArgumentException.class, () -> reader.next(new DenseBatch(4, 2)));
        }
        try (CsvSplitReader reader = new CsvSplitReader(split, UNLABELED, -1, 0)) {
            assertThrows(IllegalArgumentException.class, () -> reader.next(new DenseBatch(4, 2)));
        }
        try (CsvSplitReader reader = new CsvSplitReader(split, CsvFormat.defaults().withLabelColumn(5), -1, 0)) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> reader.next(new DenseBatch(4, 2)));
            assertEquals("label column 6 does not exist: the record has 3 columns", e.what());
        }
    }

    @Test
    void readsLongLinesAcrossBufferRefills() throws IOException {
        int columns = 40_000; // about 300 KB per line: longer than the read buffer
        StringBuilder text = new StringBuilder();
        float[] expected = new float[3 * columns];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < columns; c++) {
                if (c > 0) text.append(',');
                float v = r * columns + c + 0.25f;
                text.append(v);
                expected[r * columns + c] = v;
            }
            text.append('\n');
        }
        Path file = write("wide.csv", text.toString());
        assertArrayEquals(expected, readAll(List.of(whole(file)), UNLABELED, columns, columns));
    }

    @Test
    void reportsCorruptGzip() throws IOException {
        Path notGzip = write("plain.csv.gz", "1,2\n");
        assertThrows(DataException.class,
                () -> new CsvSplitReader(new Split(0, notGzip.toString(), 0, 4, true), UNLABELED, 2, 0).close());
        byte[] bytes = gzip("1,2\n".repeat(10_000));
        Path truncated = dir.resolve("truncated.csv.gz");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Split split = new Split(0, truncated.toString(), 0, Files.size(truncated), true);
        DataException e = assertThrows(DataException.class, () -> readAll(List.of(split), UNLABELED, 2, 2));
        assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());
    }

    private static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void probesTheSchemaFromTheFirstRecord() throws IOException {
        Path file = write("probe.csv", "a,b,c\n\n1,2,3\n");
        assertEquals(new DataSchema(2, true), CsvSplitReader.probe(file, CsvFormat.defaults().withHeader(true)));
        assertEquals(new DataSchema(3, false), CsvSplitReader.probe(file, UNLABELED.withHeader(true)));
        Path gz = dir.resolve("probe.csv.gz");
        Files.write(gz, gzip("1,2,3,4\n"));
        assertEquals(new DataSchema(4, false), CsvSplitReader.probe(gz, UNLABELED));
        Path headerOnly = write("header-only.csv", "a,b,c\n");
        DataException e = assertThrows(DataException.class,
                () -> CsvSplitReader.probe(headerOnly, UNLABELED.withHeader(true)));
        assertTrue(e.getMessage().contains(headerOnly.toString()), e.getMessage());
        assertThrows(DataFormatException.class, () -> CsvSplitReader.probe(file, UNLABELED));
    }

    @Test
    void probingSeveralFilesChecksTheyHaveTheSameColumns() throws IOException {
        Path a = write("a.csv", "1,2,3\n");
        Path b = write("b.csv", "4,5,6\n7,8,9\n");
        Path c = write("c.csv", "1,2\n");
        assertEquals(new DataSchema(2, true), CsvSplitReader.probe(List.of(a, b), CsvFormat.defaults()));
        DataException e = assertThrows(DataException.class, () -> CsvSplitReader.probe(List.of(a, b, c), UNLABELED));
        assertEquals("files have different numbers of columns: " + a + " has 3, " + c + " has 2", e.getMessage());
    }

    @Test
    void parseOnlyCountsRecords() throws IOException {
        Path file = write("count.csv", "x,y\n1,2\n\n3,4\n5,6");
        CsvFormat format = UNLABELED.withHeader(true);
        long total = 0;
        for (Split split : SplitPlanner.plan(List.of(file), 5)) total += CsvParseOnly.parseAll(split, format, -1, 2);
        assertEquals(3, total);
        assertEquals(3, CsvParseOnly.parseAll(whole(file), format, 2, 100));
    }
}
