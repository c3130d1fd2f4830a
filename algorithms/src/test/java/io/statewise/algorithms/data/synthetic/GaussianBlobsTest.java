package io.statewise.algorithms.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.CsvSplitReader;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.SplitPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GaussianBlobsTest {

    @TempDir
    Path dir;

    @Test
    void isDeterministicGivenTheSeed() {
        GaussianBlobs a = new GaussianBlobs(4, 3, 0.5, 99);
        GaussianBlobs b = new GaussianBlobs(4, 3, 0.5, 99);
        assertTrue(Arrays.deepEquals(a.centers(), b.centers()));
        assertTrue(Arrays.deepEquals(a.sample(100), b.sample(100)));
        assertFalse(Arrays.deepEquals(a.centers(), new GaussianBlobs(4, 3, 0.5, 100).centers()));
    }

    @Test
    void centersAreInRangeAndSamplesClusterAroundThem() {
        GaussianBlobs blobs = new GaussianBlobs(3, 5, 1.0, 7);
        float[][] centers = blobs.centers();
        for (float[] c : centers) {
            for (float v : c) assertTrue(v >= -10 && v <= 10);
        }
        double[][] sums = new double[3][5];
        int[] counts = new int[3];
        DenseBatch batch = new DenseBatch(1000, 5);
        for (int i = 0; i < 30; i++) {
            blobs.fill(batch);
            assertEquals(1000, batch.size());
            for (int r = 0; r < batch.size(); r++) {
                int cluster = (int) batch.labels()[r];
                counts[cluster]++;
                for (int j = 0; j < 5; j++) sums[cluster][j] += batch.features()[batch.offset(r) + j];
            }
        }
        for (int c = 0; c < 3; c++) {
            assertTrue(counts[c] > 9000, "clusters are picked uniformly");
            for (int j = 0; j < 5; j++) assertEquals(centers[c][j], sums[c][j] / counts[c], 0.05);
        }
    }

    @Test
    void zeroSpreadGivesTheCentersThemselves() {
        GaussianBlobs blobs = new GaussianBlobs(1, 2, 0.0, 1);
        assertArrayEquals(blobs.centers()[0], blobs.sample(1)[0]);
    }

    @Test
    void writesCsvThatReadsBackAsTheSameRecords() throws IOException {
        for (String name : new String[] {"blobs.csv", "blobs.csv.gz"}) {
            Path file = dir.resolve(name);
            new GaussianBlobs(5, 4, 2.0, 3).writeCsv(file, 2000, true);
            GaussianBlobs replay = new GaussianBlobs(5, 4, 2.0, 3);
            CsvFormat format = CsvFormat.defaults();
            assertEquals(new DataSchema(4, true), CsvSplitReader.probe(file, format));
            DenseBatch expected = new DenseBatch(2000, 4);
            replay.fill(expected);
            DenseBatch actual = new DenseBatch(2000, 4);
            int rows = 0;
            for (Split split : SplitPlanner.plan(List.of(file), 10_000)) {
                try (CsvSplitReader reader = new CsvSplitReader(split, format, 5, 0)) {
                    DenseBatch batch = new DenseBatch(333, 4);
                    while (reader.next(batch)) {
                        System.arraycopy(batch.features(), 0, actual.features(), rows * 4, batch.size() * 4);
                        System.arraycopy(batch.labels(), 0, actual.labels(), rows, batch.size());
                        rows += batch.size();
                    }
                }
            }
            assertEquals(2000, rows, name);
            assertArrayEquals(expected.labels(), actual.labels(), name);
            assertArrayEquals(expected.features(), actual.features(), 0.5e-4f + 1e-6f, name);
        }
    }

    @Test
    void writesFourDecimalsWithoutLabel() throws IOException {
        Path file = dir.resolve("small.csv");
        GaussianBlobs blobs = new GaussianBlobs(2, 3, 1.0, 5);
        blobs.writeCsv(file, 3, false);
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        for (String line : lines) assertTrue(line.matches("-?\\d+\\.\\d{4}(,-?\\d+\\.\\d{4}){2}"), line);
    }

    @Test
    void mainWritesAFile() throws IOException {
        Path file = dir.resolve("main.csv");
        GaussianBlobs.main(new String[] {file.toString(), "10", "3", "2", "42"});
        assertEquals(10, Files.readAllLines(file).size());
        assertEquals(new DataSchema(3, false),
                CsvSplitReader.probe(file, CsvFormat.defaults().withLabelColumn(CsvFormat.NO_LABEL)));
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianBlobs(0, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianBlobs(2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianBlobs(2, 2, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianBlobs(2, 2, Double.NaN, 1));
    }
}
