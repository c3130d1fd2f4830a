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

class LibSvmSplitReaderTest {

    private static final LibSvmFormat ONE_BASED = LibSvmFormat.defaults();
    private static final LibSvmFormat ZERO_BASED = new LibSvmFormat(true);

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

    /** The records of a whole file as dense rows {@code [label, x_0, .., x_{d-1}]}. */
    private static float[][] readDense(Path file, LibSvmFormat format, int features) throws IOException {
        float[][] rows = new float[0][];
        SparseBatch batch = new SparseBatch(3, features);
        try (LibSvmSplitReader reader = new LibSvmSplitReader(whole(file), format, features, 0)) {
            while (reader.next(batch)) {
                for (int r = 0; r < batch.size(); r++) {
                    float[] row = new float[features + 1];
                    row[0] = batch.labels()[r];
                    for (int p = batch.rowStart()[r]; p < batch.rowStart()[r + 1]; p++) {
                        row[1 + batch.indices()[p]] = batch.values()[p];
                    }
                    rows = Arrays.copyOf(rows, rows.length + 1);
                    rows[rows.length - 1] = row;
                }
            }
        }
        return rows;
    }

    private void assertError(String text, LibSvmFormat format, int features, long line, int column, String what)
            throws IOException {
        Path file = write("bad.svm", text);
        DataFormatException e;
        try (LibSvmSplitReader reader = new LibSvmSplitReader(whole(file), format, features, 0)) {
            SparseBatch batch = new SparseBatch(16, features);
            e = assertThrows(DataFormatException.class, () -> {
                while (reader.next(batch)) {
                    // until the error
                }
            });
        }
        assertEquals(file.toString(), e.file());
        assertEquals(what, e.what());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(file + ":" + line + ":" + column + ": " + what, e.getMessage());
    }

    @Test
    void readsLabelsAndNonZerosWithZeroBasedIndicesInTheBatch() throws IOException {
        Path file = write("a.svm", "1 1:0.5 3:2\n-1 2:-1.5e1\n+1\n0.25 4:7 # trailing comment\n");
        float[][] rows = readDense(file, ONE_BASED, 4);
        assertArrayEquals(new float[] {1, 0.5f, 0, 2, 0}, rows[0]);
        assertArrayEquals(new float[] {-1, 0, -15, 0, 0}, rows[1]);
        assertArrayEquals(new float[] {1, 0, 0, 0, 0}, rows[2], "a label alone is an all-zero record");
        assertArrayEquals(new float[] {0.25f, 0, 0, 0, 7}, rows[3]);

        Path zero = write("z.svm", "3 0:1 3:4\n");
        assertArrayEquals(new float[] {3, 1, 0, 0, 4}, readDense(zero, ZERO_BASED, 4)[0]);
    }

    @Test
    void skipsCommentsBlankLinesAndQidAndAcceptsTabsCrlfAndAByteOrderMark() throws IOException {
        Path file = write("c.svm",
                "\uFEFF# header comment\r\n\r\n  \t\r\n2\tqid:7 1:1\t\t2:2 \r\n#3 1:1\r\n1 qid:3#c\r\n");
        float[][] rows = readDense(file, ONE_BASED, 2);
        assertEquals(2, rows.length);
        assertArrayEquals(new float[] {2, 1, 2}, rows[0]);
        assertArrayEquals(new float[] {1, 0, 0}, rows[1]);
    }

    @Test
    void keepsExplicitZeros() throws IOException {
        Path file = write("zeros.svm", "1 1:0 2:0.0\n");
        SparseBatch batch = new SparseBatch(4, 2);
        try (LibSvmSplitReader reader = new LibSvmSplitReader(whole(file), ONE_BASED, 2, 0)) {
            assertTrue(reader.next(batch));
            assertEquals(2, batch.nonZeros());
        }
    }

    @Test
    void reportsIndicesOutOfRangeWithFileLineAndByteColumn() throws IOException {
        assertError("1 1:1\n1 2:1 5:1\n", ONE_BASED, 4, 2, 7,
                "feature index 5 is out of range: the data has 4 features, indices 1 to 4");
        assertError("1 0:1\n", ONE_BASED, 4, 1, 3,
                "feature index 0 is out of range: indices are 1-based, from 1 to 4"
                        + " (declare zero-based indexing for 0-based data)");
        assertError("1 0:1 4:1\n", ZERO_BASED, 4, 1, 7,
                "feature index 4 is out of range: the data has 4 features, indices 0 to 3");
        assertError("1 99999999999999999999:1\n", ONE_BASED, 4, 1, 3,
                "feature index 99999999999999999999 is out of range: the data has 4 features, indices 1 to 4");
    }

    @Test
    void reportsUnsortedAndDuplicatedIndices() throws IOException {
        assertError("1 3:1 2:1\n", ONE_BASED, 4, 1, 7, "feature indices must be strictly increasing: 2 after 3");
        assertError("# c\n1 1:1 3:1 3:2\n", ONE_BASED, 4, 2, 11, "duplicate feature index 3");
        assertError("1 0:1 0:2\n", ZERO_BASED, 4, 1, 7, "duplicate feature index 0");
    }

    @Test
    void reportsNegativeAndNonNumericIndicesAndMissingColons() throws IOException {
        assertError("1 -3:1\n", ONE_BASED, 4, 1, 3, "negative feature index: '-3:1'");
        assertError("1 1:1 x:2\n", ONE_BASED, 4, 1, 7, "not a feature index: 'x:2'");
        assertError("1 1.5:2\n", ONE_BASED, 4, 1, 3, "not a feature index: '1.5:2'");
        assertError("1 1:1 2\n", ONE_BASED, 4, 1, 7, "missing ':' in '2' (expected index:value)");
        assertError("1 1=2\n", ONE_BASED, 4, 1, 3, "missing ':' in '1=2' (expected index:value)");
    }

    @Test
    void reportsBadValues() throws IOException {
        assertError("1 1:abc\n", ONE_BASED, 4, 1, 5, "value is not a number: '1:abc'");
        assertError("1 1:2x\n", ONE_BASED, 4, 1, 5, "value is not a number: '1:2x'");
        assertError("1 2:NaN\n", ONE_BASED, 4, 1, 5, "NaN is not allowed: '2:NaN'");
        assertError("1 2:-inf\n", ONE_BASED, 4, 1, 5, "infinity is not allowed: '2:-inf'");
        assertError("1 2:1e99\n", ONE_BASED, 4, 1, 5, "value out of float range: '2:1e99'");
        assertError("1 2: 3:1\n", ONE_BASED, 4, 1, 5, "missing value after ':' in '2:'");
        assertError("1 2:\n", ONE_BASED, 4, 1, 5, "missing value after ':' in '2:'");
    }

    @Test
    void reportsBadLabelsAndMisplacedQids() throws IOException {
        assertError("1:0.5 2:1\n", ONE_BASED, 4, 1, 1, "missing label: a record starts with its label, not '1:0.5'");
        assertError("  yes 1:1\n", ONE_BASED, 4, 1, 3, "label is not a number: 'yes'");
        assertError("nan 1:1\n", ONE_BASED, 4, 1, 1, "label NaN is not allowed");
        assertError("1 1:1 qid:3\n", ONE_BASED, 4, 1, 7, "qid must directly follow the label: 'qid:3'");
        assertError("1 qid:x 1:1\n", ONE_BASED, 4, 1, 3, "qid must be a non-negative integer: 'qid:x'");
    }

    @Test
    void lineNumbersAreAbsoluteInTheFileForALaterSplit() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) text.append("1 1:").append(i).append('\n');
        text.append("1 2:1 1:1\n");
        Path file = write("late.svm", text.toString());
        List<Split> splits = SplitPlanner.plan(List.of(file), 64);
        Split last = splits.get(splits.size() - 1);
        assertTrue(last.start() > 0);
        try (LibSvmSplitReader reader = new LibSvmSplitReader(last, ONE_BASED, 2, 0)) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> {
                while (reader.next(new SparseBatch(8, 2))) {
                    // until the error
                }
            });
            assertEquals(51, e.line());
            assertEquals(7, e.column());
        }
    }

    @Test
    void skipsBadRecordsUpToMaxBadRecordsThenFailsNamingTheFirst() throws IOException {
        Path file = write("some-bad.svm", "1 1:1\n1 9:1\n2 2:2\n1 1:x\n3 1:3 2:3\n");
        SparseBatch batch = new SparseBatch(16, 2);
        try (LibSvmSplitReader reader = new LibSvmSplitReader(whole(file), ONE_BASED, 2, 2)) {
            assertTrue(reader.next(batch));
            assertEquals(3, batch.size());
            assertEquals(2, reader.badRecords());
            assertEquals(3, reader.records());
            assertArrayEquals(new int[] {0, 1, 0, 1}, Arrays.copyOf(batch.indices(), batch.nonZeros()),
                    "a skipped record leaves none of its non-zeros");
            assertArrayEquals(new float[] {1, 2, 3}, Arrays.copyOf(batch.labels(), 3));
            assertEquals(2, reader.firstBadRecordError().orElseThrow().line());
        }
        try (LibSvmSplitReader reader = new LibSvmSplitReader(whole(file), ONE_BASED, 2, 1)) {
            DataException e = assertThrows(DataException.class, () -> reader.next(batch));
            assertFalse(e instanceof DataFormatException);
            assertTrue(e.getMessage().contains("2 bad records exceed maxBadRecords 1"), e.getMessage());
            assertTrue(e.getMessage().contains(file + ":2:3: feature index 9 is out of range"), e.getMessage());
        }
    }

    @Test
    void readsGzipFiles() throws IOException {
        Path file = dir.resolve("data.svm.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("1 1:1\n2 2:2\n".getBytes(StandardCharsets.UTF_8));
        }
        Split split = SplitPlanner.plan(List.of(file), 4).get(0);
        try (SplitReader reader = ONE_BASED.open(split, ONE_BASED.schema(2), 0)) {
            assertTrue(reader.next(ONE_BASED.newBatch(8, ONE_BASED.schema(2))));
            assertEquals(2, reader.records());
        }
    }

    @Test
    void probeChecksTheFirstRecordOfEachFileAgainstTheDeclaredDimension() throws IOException {
        Path a = write("a.svm", "# comment only first\n1 1:1 3:1\n");
        Path b = write("b.svm", "");
        Path c = write("c.svm", "1 7:1\n");
        assertEquals(new DataSchema(3, true, true), LibSvmSplitReader.probe(List.of(a, b), ONE_BASED, 3));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> LibSvmSplitReader.probe(List.of(a, c), ONE_BASED, 3));
        assertTrue(e.getMessage().startsWith(c + ":1:3: feature index 7"), e.getMessage());
        DataException none = assertThrows(DataException.class, () -> LibSvmSplitReader.probe(List.of(b), ONE_BASED, 3));
        assertTrue(none.getMessage().contains("no record in " + b), none.getMessage());
    }

    @Test
    void theFormatMakesSparseBatchesAndRejectsDenseOnes() throws IOException {
        Path file = write("x.svm", "1 1:1\n");
        DataSchema schema = ONE_BASED.schema(2);
        assertTrue(schema.sparse());
        assertTrue(schema.labeled());
        assertInstanceOf(SparseBatch.class, ONE_BASED.newBatch(4, schema));
        try (SplitReader reader = ONE_BASED.open(whole(file), schema, 0)) {
            assertThrows(IllegalArgumentException.class, () -> reader.next(new DenseBatch(4, 2)));
            assertThrows(IllegalArgumentException.class, () -> reader.next(new SparseBatch(4, 3)));
        }
        CsvFormat csv = CsvFormat.defaults();
        assertFalse(csv.sparse());
        assertInstanceOf(DenseBatch.class, csv.newBatch(4, csv.schema(2)));
        try (SplitReader reader = csv.open(whole(write("x.csv", "1,2,3\n")), csv.schema(2), 0)) {
            assertThrows(IllegalArgumentException.class, () -> reader.next(new SparseBatch(4, 2)));
            Batch batch = csv.newBatch(4, csv.schema(2));
            assertTrue(reader.next(batch));
            assertEquals(1, batch.size());
        }
        assertThrows(IllegalArgumentException.class, () -> new LibSvmSplitReader(whole(file), ONE_BASED, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LibSvmSplitReader(whole(file), ONE_BASED, 2, -1));
    }

    @Test
    void aLineLongerThanTheBufferIsReadWhole() throws IOException {
        int d = 200_000;
        StringBuilder text = new StringBuilder("5");
        for (int i = 1; i <= d; i += 2) text.append(' ').append(i).append(":1.25");
        text.append('\n').append("6 1:1\n");
        Path file = write("long.svm", text.toString());
        SparseBatch batch = new SparseBatch(2, d);
        try (LibSvmSplitReader reader = new LibSvmSplitReader(whole(file), ONE_BASED, d, 0)) {
            assertTrue(reader.next(batch));
            assertEquals(2, batch.size());
            assertEquals(d / 2 + 1, batch.nonZeros());
            assertEquals(d - 2, batch.indices()[d / 2 - 1]);
        }
    }
}
