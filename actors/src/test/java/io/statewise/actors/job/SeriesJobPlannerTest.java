package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.JsonLinesFormat;
import io.statewise.algorithms.data.SeriesCsvFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning of time-series inputs: the series schema, their formats, and the kinds of input each algorithm reads. */
class SeriesJobPlannerTest {

    private static final JobPlanner PLANNER = new JobPlanner(1 << 20, 2);
    private static final Map<String, String> DEEPAR = Map.of("time_freq", "D", "context_length", "7",
            "prediction_length", "3", "epochs", "1");

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private static DataInput input(String format, String path) {
        return new DataInput(List.of(path), false, 0, format, false, Optional.empty());
    }

    private static JobSpec spec(String algorithm, Map<String, String> params, DataInput train,
                                Optional<DataInput> validation) {
        return new JobSpec(algorithm, params, train, validation, Optional.empty(), 1, 0, 1);
    }

    private static JobRejectedException rejected(JobSpec spec, String field) {
        JobRejectedException e = assertThrows(JobRejectedException.class, () -> PLANNER.plan(spec));
        assertEquals(Optional.of(field), e.field(), e.getMessage());
        return e;
    }

    @Test
    void seriesInputsHaveTheSeriesSchemaAndTheirFormats() throws IOException {
        String json = write("train.json", "{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2, 3, 4]}\n");
        String csv = write("test.csv", "a,2020-01-01 00:00:00,1\na,2020-01-02 00:00:00,2\n");
        JobPlan plan = PLANNER.plan(spec("deepar", DEEPAR, input("jsonlines", json),
                Optional.of(input("series_csv", csv))));
        assertEquals(DataSchema.SERIES, plan.schema());
        assertEquals(new JsonLinesFormat(), plan.train().dataFormat());
        assertEquals(new SeriesCsvFormat(), plan.validation().orElseThrow().dataFormat());
    }

    @Test
    void algorithmsReadOnlyTheirKindOfInput() throws IOException {
        String json = write("train.json", "{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2, 3, 4]}\n");
        String numbers = write("train.csv", "1,2\n3,4\n");
        JobRejectedException e = rejected(spec("kmeans", Map.of("k", "2"), input("jsonlines", json),
                Optional.empty()), "train.format");
        assertTrue(e.getMessage().contains("reads numeric input"), e.getMessage());
        e = rejected(spec("deepar", DEEPAR, input("csv", numbers), Optional.empty()), "train.format");
        assertTrue(e.getMessage().contains("reads time series (jsonlines, series_csv)"), e.getMessage());
        e = rejected(spec("deepar", DEEPAR, input("jsonlines", json), Optional.of(input("csv", numbers))),
                "validation.format");
        assertTrue(e.getMessage().contains("mixed series/other inputs"), e.getMessage());
        rejected(spec("deepar", DEEPAR, new DataInput(List.of(json), false, 0, "jsonlines", false, Optional.of(3)),
                Optional.empty()), "train.format");
    }
}
