package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statewise.actors.testing.SystemCbor;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.Split;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data-input records through the actor system's own CBOR mapper: LibSVM fields round-trip, and events written
 * before LibSVM support (a {@code CsvFormat} in the plan, no {@code format}/{@code zeroBased}/{@code features}/{@code
 * sparse}) still read, as CSV; text inputs, their options and the text schema round-trip, and records written before
 * text input read without text options.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputFormatSerializationTest {

    @RegisterExtension
    static final SystemCbor SYSTEM = new SystemCbor();
    private final ObjectMapper cbor = SYSTEM.mapper();

    private <T> T roundTrip(T value, Class<T> type) throws Exception {
        return cbor.readValue(cbor.writeValueAsBytes(value), type);
    }

    @Test
    void libSvmInputsAndPlansRoundTrip() throws Exception {
        DataInput input = new DataInput(List.of("a.svm"), false, 0, "libsvm", true, Optional.of(123));
        assertEquals(input, roundTrip(input, DataInput.class));
        PlannedInput planned = new PlannedInput(new InputFormat("libsvm", false, 0, true),
                List.of(new Split(0, "a.svm", 0, 10, false)));
        assertEquals(planned, roundTrip(planned, PlannedInput.class));
        DataSchema schema = new DataSchema(123, true, true);
        assertEquals(schema, roundTrip(schema, DataSchema.class));
    }

    @Test
    void recordsWrittenBeforeLibSvmSupportReadAsCsv() throws Exception {
        byte[] oldInput = cbor.writeValueAsBytes(Map.of("paths", List.of("a.csv"), "header", true, "labelColumn", -1));
        assertEquals(new DataInput(List.of("a.csv"), true, -1), cbor.readValue(oldInput, DataInput.class));

        byte[] oldPlanned = cbor.writeValueAsBytes(Map.of(
                "format", Map.of("header", true, "labelColumn", 2, "delimiter", 44),
                "splits", List.of(Map.of("id", 0, "path", "a.csv", "start", 0, "end", 10, "compressed", false))));
        PlannedInput planned = cbor.readValue(oldPlanned, PlannedInput.class);
        assertEquals(new InputFormat("csv", true, 2, false), planned.format());
        assertEquals(List.of(new Split(0, "a.csv", 0, 10, false)), planned.splits());

        byte[] oldSchema = cbor.writeValueAsBytes(Map.of("features", 7, "labeled", true));
        assertEquals(new DataSchema(7, true), cbor.readValue(oldSchema, DataSchema.class));
    }

    @Test
    void textInputsAndPlansRoundTrip() throws Exception {
        TextOptions options = TextOptions.defaults().withColumn("body").withStopWords(List.of()).withMinTokenLength(3);
        DataInput input = new DataInput(List.of("posts.csv"), true, -1, "text_csv", false, Optional.empty(),
                Optional.of(options));
        assertEquals(input, roundTrip(input, DataInput.class));
        DataInput defaults = DataInput.text("text_files", TextOptions.defaults(), "docs");
        assertEquals(defaults, roundTrip(defaults, DataInput.class));
        PlannedInput planned = new PlannedInput(InputFormat.of(input), List.of(new Split(0, "posts.csv", 0, 9, false)));
        assertEquals(planned, roundTrip(planned, PlannedInput.class));
        assertEquals(planned.dataFormat(), roundTrip(planned, PlannedInput.class).dataFormat());
        assertEquals(DataSchema.TEXT, roundTrip(DataSchema.TEXT, DataSchema.class));
    }

    @Test
    void recordsWrittenBeforeTextInputHaveNoTextOptions() throws Exception {
        byte[] oldInput = cbor.writeValueAsBytes(Map.of("paths", List.of("a.svm"), "header", false, "labelColumn", 0,
                "format", "libsvm", "zeroBased", true, "features", 9));
        DataInput input = cbor.readValue(oldInput, DataInput.class);
        assertEquals(DataInput.libsvm(9, "a.svm").text(), input.text());
        assertEquals(Optional.empty(), input.text());
        byte[] oldFormat = cbor.writeValueAsBytes(Map.of("kind", "libsvm", "header", false, "labelColumn", 0,
                "zeroBased", true));
        assertEquals(new InputFormat("libsvm", false, 0, true), cbor.readValue(oldFormat, InputFormat.class));
        byte[] oldSchema = cbor.writeValueAsBytes(Map.of("features", 7, "labeled", true, "sparse", true));
        assertEquals(new DataSchema(7, true, true), cbor.readValue(oldSchema, DataSchema.class));
    }
}
