package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random LibSVM files (0- or 1-based, LF or CRLF, with or without a final newline, comments, blank lines, tabs, qid
 * tokens, empty records), random split sizes: reading every split in order yields exactly the records written.
 */
class LibSvmRoundTripPropertyTest {

    @TempDir
    Path dir;

    /** A generated file's text and the records it holds, in CSR form with 0-based indices. */
    record Generated(String text, LibSvmFormat format, int dimension, float[] labels, int[] rowStart, int[] indices,
                     float[] values) {
        int rows() {
            return labels.length;
        }
    }

    @Test
    void readingAllSplitsYieldsEveryRecordExactlyOnceInOrder() throws IOException {
        Random random = new Random(20240611);
        for (int c = 0; c < 40; c++) {
            Generated g = generate(random);
            List<Split> splits = SplitTesting.writeAndPlanRandomly(dir.resolve("case-" + c + ".svm"), g.text(),
                    random);
            assertReads(g, splits, random, "case " + c + " (" + splits.size() + " splits)");
        }
    }

    @Test
    void aGzipFileIsOneSplitAndReadsCorrectly() throws IOException {
        Generated g = generate(new Random(5), 2000);
        List<Split> splits = SplitTesting.writeGzipAndPlan(dir.resolve("data.svm.gz"), g.text());
        assertReads(g, splits, new Random(6), "gzip");
    }


    /** Reads all splits through the format-independent interface and compares record by record. */
    private static void assertReads(Generated g, List<Split> splits, Random random, String what) {
        DataSchema schema = g.format().schema(g.dimension());
        int row = 0;
        for (Split split : splits) {
            Batch batch = g.format().newBatch(1 + random.nextInt(64), schema);
            try (SplitReader reader = g.format().open(split, schema, 0)) {
                long before = row;
                while (reader.next(batch)) {
                    SparseBatch sparse = (SparseBatch) batch;
                    assertTrue(row + sparse.size() <= g.rows(), what + ": too many records");
                    for (int r = 0; r < sparse.size(); r++, row++) {
                        String at = what + " record " + row;
                        assertEquals(g.labels()[row], sparse.labels()[r], at);
                        int from = g.rowStart()[row];
                        int to = g.rowStart()[row + 1];
                        int bFrom = sparse.rowStart()[r];
                        int bTo = sparse.rowStart()[r + 1];
                        assertArrayEquals(Arrays.copyOfRange(g.indices(), from, to),
                                Arrays.copyOfRange(sparse.indices(), bFrom, bTo), at);
                        assertArrayEquals(Arrays.copyOfRange(g.values(), from, to),
                                Arrays.copyOfRange(sparse.values(), bFrom, bTo), at);
                    }
                    assertEquals(sparse.rowStart()[sparse.size()], sparse.nonZeros(), what);
                }
                assertEquals(0, batch.size(), what);
                assertEquals(row - before, reader.records(), what);
                assertEquals(0, reader.badRecords(), what);
            }
        }
        assertEquals(g.rows(), row, what);
    }

    private static Generated generate(Random random) {
        int rows = random.nextInt(4) == 0 ? random.nextInt(4) : random.nextInt(2000);
        return generate(random, rows);
    }

    private static Generated generate(Random random, int rows) {
        int dimension = 1 + random.nextInt(random.nextBoolean() ? 8 : 300);
        LibSvmFormat format = new LibSvmFormat(random.nextBoolean());
        String newline = random.nextBoolean() ? "\r\n" : "\n";
        boolean trailingNewline = random.nextBoolean();
        boolean comments = random.nextInt(3) == 0;
        boolean blanks = random.nextInt(3) == 0;
        boolean qids = random.nextInt(4) == 0;
        double density = random.nextDouble() * (random.nextBoolean() ? 0.1 : 1.0);

        StringBuilder text = new StringBuilder();
        if (comments && random.nextBoolean()) text.append("# generated file").append(newline);
        float[] labels = new float[rows];
        int[] rowStart = new int[rows + 1];
        int[] indices = new int[16];
        float[] values = new float[16];
        int nnz = 0;
        for (int r = 0; r < rows; r++) {
            if (blanks && random.nextInt(10) == 0) text.append(random.nextBoolean() ? "" : " \t").append(newline);
            if (comments && random.nextInt(10) == 0) text.append("  # a comment line").append(newline);
            String label = random.nextInt(4) == 0 ? token(random) : (random.nextBoolean() ? "+1" : "-1");
            labels[r] = Float.parseFloat(label);
            if (blanks && random.nextBoolean()) text.append(' ');
            text.append(label);
            if (qids && random.nextBoolean()) text.append(" qid:").append(random.nextInt(100));
            for (int t = 0; t < dimension; t++) {
                if (random.nextDouble() >= density) continue;
                String value = token(random);
                if (nnz == indices.length) {
                    indices = Arrays.copyOf(indices, nnz * 2);
                    values = Arrays.copyOf(values, nnz * 2);
                }
                indices[nnz] = t;
                values[nnz] = Float.parseFloat(value);
                nnz++;
                text.append(blanks && random.nextInt(4) == 0 ? (random.nextBoolean() ? "\t" : "   ") : " ");
                text.append(t + format.firstIndex()).append(':').append(value);
            }
            rowStart[r + 1] = nnz;
            if (comments && random.nextInt(4) == 0) text.append(random.nextBoolean() ? " # id " + r : "#" + r);
            if (blanks && random.nextBoolean()) text.append("  ");
            if (r < rows - 1 || trailingNewline) text.append(newline);
        }
        return new Generated(text.toString(), format, dimension, labels, rowStart, Arrays.copyOf(indices, nnz),
                Arrays.copyOf(values, nnz));
    }

    private static String token(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return Integer.toString(random.nextInt(2001) - 1000);
            case 1:
                return Float.toString((float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6)));
            case 2:
                return Double.toString(random.nextGaussian() * 100);
            case 3:
                return (random.nextBoolean() ? "-" : "") + "." + (1 + random.nextInt(999));
            case 4:
                return random.nextInt(100) + ".";
            default:
                return (random.nextBoolean() ? "+" : "") + random.nextInt(1000) + "." + random.nextInt(10000)
                        + (random.nextBoolean() ? "e" + (random.nextInt(11) - 5) : "");
        }
    }
}
