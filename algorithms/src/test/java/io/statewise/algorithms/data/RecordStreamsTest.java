package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Posted records read from a stream: CSV and JSON Lines into the same batches, errors located by line and field. */
class RecordStreamsTest {

    private static final DataSchema UNLABELED = new DataSchema(3, false);
    private static final DataSchema LABELED = new DataSchema(3, true);

    private static SplitReader open(RecordStreams.Syntax syntax, String text, DataSchema schema, long maxBad) {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return RecordStreams.open(syntax, "records", in, schema, 0, maxBad);
    }

    private static float[] readAll(SplitReader reader, DataSchema schema, int[] count) {
        DenseBatch batch = new DenseBatch(2, schema.features());
        float[] out = new float[0];
        while (reader.next(batch)) {
            int n = batch.size() * batch.dimension();
            float[] grown = Arrays.copyOf(out, out.length + n);
            System.arraycopy(batch.features(), 0, grown, out.length, n);
            out = grown;
            count[0] += batch.size();
        }
        return out;
    }

    @Test
    void csvAndJsonLinesReadTheSameRecords() {
        String csv = "1,2,3\n4.5,-5,6e1\n\n7,8,9";
        String json = "[1, 2, 3]\n{\"features\": [4.5, -5, 6e1]}\n\n  {\"features\":[7,8,9]}  \n";
        int[] n = new int[1];
        float[] fromCsv = readAll(open(RecordStreams.Syntax.CSV, csv, UNLABELED, 0), UNLABELED, n);
        float[] fromJson = readAll(open(RecordStreams.Syntax.JSON_LINES, json, UNLABELED, 0), UNLABELED, n);
        assertEquals(6, n[0]);
        assertArrayEquals(new float[] {1, 2, 3, 4.5f, -5, 60, 7, 8, 9}, fromCsv);
        assertArrayEquals(fromCsv, fromJson);
    }

    @Test
    void jsonLinesLabelsAreReadInAnyKeyOrder() {
        SplitReader reader = open(RecordStreams.Syntax.JSON_LINES,
                "{\"label\": 1, \"features\": [1,2,3]}\n{\"features\": [4,5,6], \"label\": 0.5}\n", LABELED, 0);
        DenseBatch batch = new DenseBatch(4, 3);
        assertTrue(reader.next(batch));
        assertEquals(2, batch.size());
        assertEquals(1f, batch.labels()[0]);
        assertEquals(0.5f, batch.labels()[1]);
    }

    @Test
    void malformedRecordsNameTheirLineAndField() {
        assertEquals("records:2:2: not a number: 'abc'", firstError(RecordStreams.Syntax.CSV, "1,2,3\n1,abc,3\n"));
        assertEquals("records:1: expected 3 columns, found 4", firstError(RecordStreams.Syntax.CSV, "1,2,3,4\n"));
        assertEquals("records:2:3: feature 3: not a finite number",
                firstError(RecordStreams.Syntax.JSON_LINES, "[1,2,3]\n[1,2,\"x\"]\n"));
        assertEquals("records:1: expected 3 features, found 2",
                firstError(RecordStreams.Syntax.JSON_LINES, "{\"features\": [1,2]}\n"));
        assertEquals("records:1: expected a field \"features\" or \"label\" (each once)",
                firstError(RecordStreams.Syntax.JSON_LINES, "{\"values\": [1,2,3]}\n"));
        assertEquals("records:1: no 'label' (the job's records are labeled)",
                firstErrorLabeled("{\"features\": [1,2,3]}\n"));
    }

    @Test
    void badRecordsWithinTheToleranceAreSkippedAndCounted() {
        SplitReader reader = open(RecordStreams.Syntax.JSON_LINES, "[1,2,3]\nnot json\n[4,5,6]\n", UNLABELED, 1);
        int[] n = new int[1];
        readAll(reader, UNLABELED, n);
        assertEquals(2, n[0]);
        assertEquals(1, reader.badRecords());
        assertEquals("records:2: not a JSON array or object", reader.firstBadRecordError().orElseThrow().getMessage());
    }

    @Test
    void aStreamThatFailsMidwayIsAnIoErrorNotABadRecord() {
        InputStream failing = new InputStream() {
            private final InputStream head = new ByteArrayInputStream("1,2,3\n4,5".getBytes(StandardCharsets.UTF_8));

            @Override
            public int read() throws IOException {
                int b = head.read();
                if (b < 0) throw new IOException("client went away");
                return b;
            }
        };
        SplitReader reader = RecordStreams.open(RecordStreams.Syntax.CSV, "records", failing, UNLABELED, 0, 0);
        assertThrows(UncheckedIOException.class, () -> reader.next(new DenseBatch(8, 3)));
        assertFalse(reader.badRecords() > 0);
    }

    private static String firstError(RecordStreams.Syntax syntax, String text) {
        SplitReader reader = open(syntax, text, UNLABELED, 0);
        return assertThrows(DataFormatException.class, () -> readAll(reader, UNLABELED, new int[1])).getMessage();
    }

    private static String firstErrorLabeled(String text) {
        SplitReader reader = open(RecordStreams.Syntax.JSON_LINES, text, LABELED, 0);
        return assertThrows(DataFormatException.class, () -> readAll(reader, LABELED, new int[1])).getMessage();
    }
}
