package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines and long-CSV series: fields, missing values, gzip, whole-series splits and located errors. */
class SeriesFormatsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        if (name.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(file, text);
        }
        return file;
    }

    private static List<Series> readAll(SeriesFormat format, List<Split> splits, long maxBad) {
        List<Series> out = new ArrayList<>();
        SeriesBatch batch = format.newBatch(2, DataSchema.SERIES);
        for (Split split : splits) {
            try (SplitReader reader = format.open(split, DataSchema.SERIES, maxBad)) {
                while (reader.next(batch)) {
                    for (int i = 0; i < batch.size(); i++) out.add(batch.series(i));
                }
            }
        }
        return out;
    }

    private static final String JSON = """
            {"start": "2020-01-01 00:00:00", "target": [1, 2.5, null, "NaN", 4], "cat": [0, 2], "id": "a"}
            {"start":"2020-02-01 00:00:00","target":[3,4],"dynamic_feat":[[1,2,3],[4,5,6]],"extra":{"x":[1]}}

            {"target": [7], "start": "2020-03-01", "cat": 1, "item_id": 17}
            """;

    @Test
    void readsSageMakerJsonLinesPlainAndGzipped() throws IOException {
        for (String name : new String[] {"train.json", "train.json.gz"}) {
            Path file = write(name, JSON);
            JsonLinesFormat format = new JsonLinesFormat();
            List<Series> series = readAll(format, format.plan(List.of(file), 1 << 20), 0);
            assertEquals(3, series.size(), name);
            Series a = series.get(0);
            assertEquals("a", a.id());
            assertArrayEquals(new float[] {1, 2.5f, Float.NaN, Float.NaN, 4}, a.target());
            assertArrayEquals(new int[] {0, 2}, a.cat());
            assertEquals(file + ":2", series.get(1).id(), "no id: the origin");
            assertArrayEquals(new float[] {4, 5, 6}, series.get(1).dynamicFeat()[1]);
            assertEquals("17", series.get(2).id());
            assertEquals("2020-03-01T00:00", series.get(2).start().toString());
            assertArrayEquals(new int[] {1}, series.get(2).cat());
        }
    }

    @Test
    void smallSplitsNeverCutASeries() throws IOException {
        Path file = write("many.json", JSON.repeat(20));
        JsonLinesFormat format = new JsonLinesFormat();
        List<Split> splits = format.plan(List.of(file), 100);
        assertTrue(splits.size() > 5);
        assertEquals(60, readAll(format, splits, 0).size());
        StringBuilder csv = new StringBuilder("series,timestamp,value\n");
        for (int s = 0; s < 30; s++) {
            for (int t = 0; t < 5 + s % 7; t++) csv.append("item").append(s).append(",2021-01-0").append(1 + t % 9)
                    .append(" 00:00:00,").append(t == 2 ? "" : Integer.toString(s + t)).append('\n');
        }
        Path longCsv = write("long.csv", csv.toString());
        SeriesCsvFormat csvFormat = new SeriesCsvFormat();
        List<Split> csvSplits = csvFormat.plan(List.of(longCsv), 64);
        assertTrue(csvSplits.size() > 5);
        List<Series> series = readAll(csvFormat, csvSplits, 0);
        assertEquals(30, series.size());
        for (int s = 0; s < 30; s++) {
            assertEquals("item" + s, series.get(s).id());
            assertEquals(5 + s % 7, series.get(s).target().length, "item" + s);
            assertTrue(Float.isNaN(series.get(s).target()[2]));
            assertEquals(s + 3, series.get(s).target()[3]);
        }
    }

    @Test
    void badLinesNameFileLineAndColumn() throws IOException {
        String[][] cases = {
            {"{\"start\": \"2020-13-01 00:00:00\", \"target\": [1]}", ":1:11: start '2020-13-01 00:00:00' is not"},
            {"{\"start\": \"2020-01-01 00:00:00\", \"target\": [null, null]}", ":1:1: target has no observed"},
            {"{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, x]}", ":1:48: expected a number"},
            {"{\"start\": \"2020-01-01 00:00:00\", \"target\": [1], \"cat\": [1.5]}", "cat values must be"},
            {"{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2], \"dynamic_feat\": [[1, 2], [3]]}",
                "dynamic_feat[1] has 1 values"},
            {"{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2], \"dynamic_feat\": [[1]]}", "fewer than the 2"},
            {"{\"target\": [1]}", "missing field start"},
        };
        JsonLinesFormat format = new JsonLinesFormat();
        for (String[] c : cases) {
            Path file = write("bad.json", "{\"start\": \"2020-01-01 00:00:00\", \"target\": [1]}\n" + c[0] + "\n");
            List<Split> splits = format.plan(List.of(file), 1 << 20);
            DataFormatException e = assertThrows(DataFormatException.class, () -> readAll(format, splits, 0), c[0]);
            assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
            assertTrue(e.getMessage().contains(c[1].replace(":1:", ":2:")), e.getMessage());
            assertEquals(1, readAll(format, splits, 1).size(), "skipped within max_bad_records");
        }
        Path csv = write("bad.csv", "a,2020-01-01 00:00:00,1\na,2020-01-02 00:00:00,zz\nb,yesterday,1\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> readAll(new SeriesCsvFormat(), new SeriesCsvFormat().plan(List.of(csv), 1 << 20), 0));
        assertEquals(csv + ":2:3: value 'zz' is not a number", e.getMessage());
        assertEquals(InputKind.SERIES, InputKind.of(new SeriesCsvFormat()));
        JsonSeriesParser parser = new JsonSeriesParser();
        SeriesBatch batch = new SeriesBatch(2);
        parser.parse(" {\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2]} ", "instances[0]", batch);
        DataException bad = assertThrows(DataException.class,
                () -> parser.parse("{\"start\": \"x\", \"target\": [1]}", "instances[1]", batch));
        assertEquals("instances[1]:11: start 'x' is not a timestamp YYYY-MM-DD HH:MM:SS", bad.getMessage());
        assertEquals(1, batch.size(), "a malformed instance leaves nothing behind");
        assertArrayEquals(new float[] {1, 2}, batch.series(0).target());
    }
}
