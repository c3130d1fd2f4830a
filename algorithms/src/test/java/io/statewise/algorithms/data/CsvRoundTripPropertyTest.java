package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random files, random split sizes: reading every split in order yields exactly the records written. */
class CsvRoundTripPropertyTest {

    private static final byte[] DELIMITERS = {',', ';', '\t', '|'};

    @TempDir
    Path dir;

    /** A generated file's bytes and the records it holds. */
    record Generated(String text, CsvFormat format, int dimension, int rows, float[] features, float[] labels) {}

    @Test
    void readingAllSplitsYieldsEveryRecordExactlyOnceInOrder() throws IOException {
        Random random = new Random(20240601);
        for (int c = 0; c < 30; c++) {
            Generated g = generate(random);
            List<Split> splits = SplitTesting.writeAndPlanRandomly(dir.resolve("case-" + c + ".csv"), g.text(),
                    random);
            assertReads(g, splits, random, "case " + c + " (" + splits.size() + " splits)");
        }
    }

    @Test
    void aGzipFileIsOneSplitAndReadsCorrectly() throws IOException {
        Generated g = generate(new Random(5), 2000);
        List<Split> splits = SplitTesting.writeGzipAndPlan(dir.resolve("data.csv.gz"), g.text());
        assertReads(g, splits, new Random(6), "gzip");
    }


    private static void assertReads(Generated g, List<Split> splits, Random random, String what) {
        int labeledColumns = g.dimension() + (g.format().labeled() ? 1 : 0);
        float[] features = new float[g.features().length];
        float[] labels = new float[g.labels().length];
        int rows = 0;
        for (Split split : splits) {
            int expectedColumns = random.nextBoolean() ? labeledColumns : -1;
            DenseBatch batch = new DenseBatch(1 + random.nextInt(64), g.dimension());
            try (CsvSplitReader reader = new CsvSplitReader(split, g.format(), expectedColumns, 0)) {
                long before = rows;
                while (reader.next(batch)) {
                    assertTrue(batch.size() > 0, what);
                    assertTrue(rows + batch.size() <= g.rows(), what + ": too many records");
                    System.arraycopy(batch.features(), 0, features, rows * g.dimension(), batch.size() * g.dimension());
                    System.arraycopy(batch.labels(), 0, labels, rows, batch.size());
                    rows += batch.size();
                }
                assertEquals(0, batch.size(), what);
                assertEquals(rows - before, reader.records(), what);
                assertEquals(0, reader.badRecords(), what);
            }
        }
        assertEquals(g.rows(), rows, what);
        assertArrayEquals(g.features(), features, what);
        if (g.format().labeled()) assertArrayEquals(g.labels(), labels, what);
    }

    private static Generated generate(Random random) {
        int rows = random.nextInt(4) == 0 ? random.nextInt(4) : random.nextInt(3000);
        return generate(random, rows);
    }

    private static Generated generate(Random random, int rows) {
        int dimension = 1 + random.nextInt(8);
        int labelColumn = random.nextInt(3) == 0 ? CsvFormat.NO_LABEL : random.nextInt(dimension + 1);
        byte delimiter = DELIMITERS[random.nextInt(DELIMITERS.length)];
        CsvFormat format = new CsvFormat(random.nextBoolean(), labelColumn, delimiter);
        String newline = random.nextBoolean() ? "\r\n" : "\n";
        boolean trailingNewline = random.nextBoolean();
        boolean spaces = random.nextInt(3) == 0;
        boolean emptyLines = random.nextInt(3) == 0;
        int columns = dimension + (format.labeled() ? 1 : 0);
        char d = (char) delimiter;

        StringBuilder text = new StringBuilder();
        if (format.header()) {
            for (int c = 0; c < columns; c++) text.append(c == 0 ? "" : String.valueOf(d)).append("col").append(c);
            if (rows > 0 || trailingNewline) text.append(newline);
        }
        float[] features = new float[rows * dimension];
        float[] labels = new float[rows];
        for (int r = 0; r < rows; r++) {
            if (emptyLines && random.nextInt(10) == 0) text.append(random.nextBoolean() ? "" : "  ").append(newline);
            int f = r * dimension;
            for (int c = 0; c < columns; c++) {
                if (c > 0) text.append(d).append(spaces && random.nextBoolean() ? " " : "");
                String token = token(random);
                text.append(token);
                if (c == labelColumn) labels[r] = Float.parseFloat(token);
                else features[f++] = Float.parseFloat(token);
            }
            if (spaces && random.nextBoolean()) text.append("  ");
            if (r < rows - 1 || trailingNewline) text.append(newline);
        }
        return new Generated(text.toString(), format, dimension, rows, features, labels);
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
