package io.statewise.ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.TextOptions;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The API against a real server on a free port, over a stub job service. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobRoutesTest {
    private static final String SUBMIT = """
            {"algorithm": "kmeans",
             "hyperparameters": {"k": 10, "init": "plus_plus", "tolerance": 0.5, "verbose": true,
                                 "layers": [64, 32], "seed": null},
             "train": {"paths": ["data/x.csv"], "header": true, "label_column": "none"},
             "validation": {"paths": "data/v.csv"},
             "test": {"paths": ["data/t.csv"], "label_column": null},
             "parallelism": 2, "max_bad_records": 5, "split_size_bytes": 1048576}
            """;

    private TestApiServer server;

    @BeforeAll
    void start() throws Exception {
        server = new TestApiServer();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.jobs().reset();
    }

    @Test
    void healthIsOk() throws Exception {
        var response = server.send("GET", "/health", null);
        assertEquals(200, response.statusCode());
        assertEquals("ok", json(response).get("status").asText());
    }

    @Test
    void submitAnswers202WithTheStatusInSnakeCase() throws Exception {
        var response = server.send("POST", "/v1/jobs", SUBMIT);
        assertEquals(202, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode status = json(response);
        assertEquals("job-1", status.get("job_id").asText());
        assertEquals("training", status.get("phase").asText());
        assertEquals(1, status.get("splits_done").asInt());
        assertEquals(1234.5, status.get("records_per_second").asDouble());
        assertEquals("2025-01-02T03:04:05Z", status.get("submitted_at").asText());
        assertTrue(status.get("finished_at").isNull());
    }

    @Test
    void submitConvertsTheRequestIntoAJobSpec() throws Exception {
        server.send("POST", "/v1/jobs", SUBMIT);
        JobSpec spec = server.jobs().lastSpec();
        assertEquals("kmeans", spec.algorithm());
        assertEquals(Map.of("k", "10", "init", "plus_plus", "tolerance", "0.5", "verbose", "true", "layers", "64,32"),
                spec.hyperParameters());
        assertEquals(new DataInput(List.of("data/x.csv"), true, -1), spec.train());
        assertEquals(new DataInput(List.of("data/v.csv"), false, 0), spec.validation().orElseThrow());
        assertEquals(-1, spec.test().orElseThrow().labelColumn());
        assertEquals(2, spec.parallelism());
        assertEquals(5, spec.maxBadRecords());
        assertEquals(1048576, spec.splitSizeBytes());
    }

    @Test
    void submitNamesTheBaseJob() throws Exception {
        server.send("POST", "/v1/jobs", "{\"algorithm\": \"kmeans\", \"train\": {\"paths\": [\"x.csv\"]}, "
                + "\"base\": \"kmeans-1\"}");
        assertEquals(Optional.of("kmeans-1"), server.jobs().lastSpec().base());
        server.send("POST", "/v1/jobs", SUBMIT);
        assertEquals(Optional.empty(), server.jobs().lastSpec().base());
    }

    @Test
    void submitMapsLibSvmInputs() throws Exception {
        var response = server.send("POST", "/v1/jobs", """
                {"algorithm": "kmeans", "hyperparameters": {"k": 2},
                 "train": {"paths": "data/x.svm", "format": "LibSVM", "features": 1000, "zero_based": true},
                 "test": {"paths": ["data/t.svm"], "format": "libsvm", "features": 1000}}
                """);
        assertEquals(202, response.statusCode(), response.body());
        JobSpec spec = server.jobs().lastSpec();
        assertEquals(new DataInput(List.of("data/x.svm"), false, 0, "libsvm", true, Optional.of(1000)), spec.train());
        assertEquals(new DataInput(List.of("data/t.svm"), false, 0, "libsvm", false, Optional.of(1000)),
                spec.test().orElseThrow());

        server.send("POST", "/v1/jobs",
                "{\"algorithm\": \"kmeans\", \"train\": {\"paths\": [\"x.csv\"], \"features\": 3}}");
        assertEquals(new DataInput(List.of("x.csv"), false, 0, "csv", false, Optional.of(3)),
                server.jobs().lastSpec().train());
    }

    @Test
    void submitMapsTextInputsAndTheirOptions() throws Exception {
        var response = server.send("POST", "/v1/jobs", """
                {"algorithm": "vocabulary", "hyperparameters": {"vocab_size": 100},
                 "train": {"paths": "corpus/", "format": "Text_Files"},
                 "validation": {"paths": ["posts.csv"], "format": "text_csv", "header": true,
                                "text": {"column": "body", "min_token_length": 3, "max_token_length": 20,
                                         "stop_words": "none"}},
                 "test": {"paths": ["t.csv"], "format": "text_csv", "label_column": "none",
                          "text": {"column": 2, "stop_words": ["foo", "bar"]}}}
                """);
        assertEquals(202, response.statusCode(), response.body());
        JobSpec spec = server.jobs().lastSpec();
        assertEquals(new DataInput(List.of("corpus/"), false, 0, "text_files", false, Optional.empty()),
                spec.train());
        assertEquals(new TextOptions(Optional.of("body"), Optional.empty(), Optional.of(3), Optional.of(20),
                Optional.of(List.of())), spec.validation().orElseThrow().text().orElseThrow());
        assertEquals(TextOptions.defaults().withColumn(2).withStopWords(List.of("foo", "bar")),
                spec.test().orElseThrow().text().orElseThrow());
        assertEquals(-1, spec.test().orElseThrow().labelColumn());

        server.send("POST", "/v1/jobs", "{\"algorithm\": \"vocabulary\", \"train\": {\"paths\": [\"x.txt\"], "
                + "\"format\": \"text\", \"text\": {\"stop_words\": \"english\"}}}");
        assertEquals(Optional.of(TextOptions.defaults()), server.jobs().lastSpec().train().text());
    }

    @Test
    void badTextOptionsAre400NamingTheField() throws Exception {
        String prefix = "{\"algorithm\": \"vocabulary\", \"train\": {\"paths\": [\"x.csv\"], \"format\": "
                + "\"text_csv\", \"text\": ";
        var response = server.send("POST", "/v1/jobs", prefix + "{\"column\": 1.5}}}");
        assertError(response, 400, "train.text.column");
        assertTrue(json(response).get("error").asText().contains("column name (string) or a 0-based index"));
        assertError(server.send("POST", "/v1/jobs", prefix + "{\"stop_words\": 7}}}"), 400, "train.text.stop_words");
        assertError(server.send("POST", "/v1/jobs", prefix + "{\"stop_words\": [\"a\", 1]}}}"), 400,
                "train.text.stop_words");
        assertError(server.send("POST", "/v1/jobs", prefix + "{\"min_token_length\": \"x\"}}}"), 400,
                "train.text.min_token_length");
        assertError(server.send("POST", "/v1/jobs", prefix + "{\"colum\": 1}}}"), 400, "train.text.colum");
    }

    @Test
    void badFormatOrFeaturesIs400NamingTheField() throws Exception {
        var response = server.send("POST", "/v1/jobs",
                "{\"algorithm\": \"kmeans\", \"train\": {\"paths\": [\"x.svm\"], \"format\": \"svmlight\"}}");
        assertError(response, 400, "train.format");
        assertTrue(json(response).get("error").asText().contains("\"csv\", \"libsvm\", \"text\", \"text_files\", "
                + "\"text_csv\", \"jsonlines\", \"series_csv\"; got \"svmlight\""), json(response).toString());
        assertError(server.send("POST", "/v1/jobs", "{\"algorithm\": \"kmeans\", \"train\": {\"paths\": [\"x.svm\"], "
                + "\"format\": \"libsvm\", \"features\": 0}}"), 400, "train.features");
        assertError(server.send("POST", "/v1/jobs", "{\"algorithm\": \"kmeans\", \"train\": {\"paths\": [\"x.svm\"], "
                + "\"format\": \"libsvm\", \"features\": \"many\"}}"), 400, "train.features");
        assertError(server.send("POST", "/v1/jobs", "{\"algorithm\": \"kmeans\", \"train\": {\"paths\": [\"x.svm\"], "
                + "\"zero_based\": \"yes\"}}"), 400, "train.zero_based");
    }

    @Test
    void malformedJsonIs400WithLineAndColumn() throws Exception {
        var response = server.send("POST", "/v1/jobs", "{\"algorithm\": \"kmeans\",\n \"train\": }");
        assertEquals(400, response.statusCode());
        String error = json(response).get("error").asText();
        assertTrue(error.contains("line 2, column"), error);
    }

    @Test
    void missingAlgorithmIs400NamingTheField() throws Exception {
        var response = server.send("POST", "/v1/jobs", "{\"train\": {\"paths\": [\"x.csv\"]}}");
        assertError(response, 400, "algorithm");
        assertTrue(json(response).get("error").asText().contains("algorithm"));
    }

    @Test
    void missingTrainIs400NamingTheField() throws Exception {
        assertError(server.send("POST", "/v1/jobs", "{\"algorithm\": \"kmeans\"}"), 400, "train");
    }

    @Test
    void illTypedValueIs400NamingTheField() throws Exception {
        var response = server.send("POST", "/v1/jobs",
                "{\"algorithm\": \"kmeans\", \"train\": {\"paths\": [\"x.csv\"]}, \"parallelism\": \"many\"}");
        assertError(response, 400, "parallelism");
    }

    @Test
    void unknownFieldIs400() throws Exception {
        var response = server.send("POST", "/v1/jobs",
                "{\"algorithm\": \"kmeans\", \"train\": {\"paths\": [\"x.csv\"]}, \"hyperparams\": {}}");
        assertError(response, 400, "hyperparams");
        assertTrue(json(response).get("error").asText().contains("unknown field 'hyperparams'"));
    }

    @Test
    void badLabelColumnIs400NamingTheField() throws Exception {
        var response = server.send("POST", "/v1/jobs",
                "{\"algorithm\": \"kmeans\", \"train\": {\"paths\": [\"x.csv\"], \"label_column\": \"first\"}}");
        assertError(response, 400, "train.label_column");
    }

    @Test
    void rejectedJobIs400WithItsField() throws Exception {
        var response = server.send("POST", "/v1/jobs", "{\"algorithm\": \"reject\", \"train\": {\"paths\": [\"x\"]}}");
        assertError(response, 400, "hyperparameters.k");
        assertEquals("k must be >= 1, got 0", json(response).get("error").asText());
    }

    @Test
    void listsJobs() throws Exception {
        server.jobs().put("a", JobPhase.COMPLETED);
        var response = server.send("GET", "/v1/jobs", null);
        assertEquals(200, response.statusCode());
        assertEquals("a", json(response).get("jobs").get(0).get("job_id").asText());
    }

    @Test
    void statusOfAnUnknownJobIs404Json() throws Exception {
        var response = server.send("GET", "/v1/jobs/nope", null);
        assertError(response, 404, null);
        assertTrue(json(response).get("error").asText().contains("nope"));
    }

    @Test
    void cancelAnswersTheStatus() throws Exception {
        server.jobs().put("a", JobPhase.TRAINING);
        var response = server.send("DELETE", "/v1/jobs/a", null);
        assertEquals(200, response.statusCode());
        assertEquals("cancelled", json(response).get("phase").asText());
    }

    @Test
    void modelOfARunningJobIs409() throws Exception {
        server.jobs().put("a", JobPhase.TRAINING);
        assertError(server.send("GET", "/v1/jobs/a/model", null), 409, null);
    }

    @Test
    void modelOfACompletedJob() throws Exception {
        server.jobs().put("a", JobPhase.COMPLETED);
        var response = server.send("GET", "/v1/jobs/a/model", null);
        assertEquals(200, response.statusCode());
        JsonNode model = json(response);
        assertEquals("a", model.get("job_id").asText());
        assertEquals(1000, model.get("records").asLong());
        assertEquals(0.25, model.get("metrics").get("validation_msd").asDouble());
        assertEquals(2, model.get("model").get("centers").get(0).size());
    }

    @Test
    void predictAnswersOnePredictionPerInstance() throws Exception {
        server.jobs().put("a", JobPhase.COMPLETED);
        var response = server.send("POST", "/v1/jobs/a/predict", "{\"instances\": [[3, 4], [0, 0]]}");
        assertEquals(200, response.statusCode());
        JsonNode predictions = json(response).get("predictions");
        assertEquals(2, predictions.size());
        assertEquals(5.0, predictions.get(0).get("distance").asDouble(), 1e-6);
        assertEquals(0, predictions.get(1).get("cluster").asInt());
    }

    @Test
    void predictWithABadInstanceNamesIt() throws Exception {
        server.jobs().put("a", JobPhase.COMPLETED);
        var response = server.send("POST", "/v1/jobs/a/predict", "{\"instances\": [[3, 4], [0, \"x\"]]}");
        assertError(response, 400, "instances[1][1]");
    }

    @Test
    void seriesInstancesGoToForecastingModelsAndCannotMixWithVectors() throws Exception {
        server.jobs().put("a", JobPhase.COMPLETED);
        String series = "{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2, 3]}";
        var notForecasting = server.send("POST", "/v1/jobs/a/predict", "{\"instances\": [" + series + "]}");
        assertError(notForecasting, 400, "instances");
        assertTrue(json(notForecasting).get("error").asText().contains("does not forecast series"),
                notForecasting.body());
        var mixed = server.send("POST", "/v1/jobs/a/predict", "{\"instances\": [" + series + ", [1, 2]]}");
        assertError(mixed, 400, "instances[1]");
    }

    @Test
    void documentsGoToTextModelsAndNeedOneKindOfInput() throws Exception {
        server.jobs().put("a", JobPhase.COMPLETED);
        var notText = server.send("POST", "/v1/jobs/a/predict", "{\"documents\": [\"some words\"]}");
        assertError(notText, 400, "documents");
        assertTrue(json(notText).get("error").asText().contains("does not read text"), notText.body());
        var both = server.send("POST", "/v1/jobs/a/predict", "{\"instances\": [[1, 2]], \"documents\": [\"x\"]}");
        assertError(both, 400, "documents");
        var nullDocument = server.send("POST", "/v1/jobs/a/predict", "{\"documents\": [\"x\", null]}");
        assertError(nullDocument, 400, "documents[1]");
        var neither = server.send("POST", "/v1/jobs/a/predict", "{}");
        assertError(neither, 400, "instances");
    }

    @Test
    void clusterListsMembersWithTheirRolesAndWhatTheyHost() throws Exception {
        var response = server.send("GET", "/v1/cluster", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode member = json(response).get("members").get(0);
        assertEquals("up", member.get("status").asText());
        assertEquals("worker", member.get("roles").get(1).asText());
        assertEquals(2, member.get("worker_slots").asInt());
        assertEquals(4, member.get("capacity").asInt());
        assertEquals(json(response).get("self").asText(), json(response).get("leader").asText());
    }

    @Test
    void tooLargeBodyIs413Json() throws Exception {
        String instances = "[1.0, 2.0], ".repeat(10_000);
        var response = server.send("POST", "/v1/jobs/a/predict", "{\"instances\": [" + instances + "[0, 0]]}");
        assertError(response, 413, null);
        assertTrue(json(response).get("error").asText().contains("too large"), response.body());
    }

    @Test
    void unknownRouteIs404Json() throws Exception {
        var response = server.send("GET", "/v1/nothing", null);
        assertError(response, 404, null);
        assertTrue(json(response).get("error").asText().contains("GET /v1/nothing"));
    }

    @Test
    void wrongMethodIs405Json() throws Exception {
        var response = server.send("PUT", "/v1/jobs", "{}");
        assertError(response, 405, null);
        String allow = response.headers().firstValue("Allow").orElse("");
        assertTrue(allow.contains("GET") && allow.contains("POST"), allow);
    }

    @Test
    void unexpectedFailureIs500Json() throws Exception {
        var response = server.send("GET", "/v1/jobs/boom", null);
        assertError(response, 500, null);
        assertTrue(json(response).get("error").asText().contains("disk on fire"));
    }

    private static void assertError(HttpResponse<String> response, int status, String field) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertFalse(body.get("error").asText().isBlank(), response.body());
        if (field == null) {
            assertFalse(body.has("field"), response.body());
        } else {
            assertEquals(field, body.get("field").asText(), response.body());
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JsonSupport.mapper().readTree(response.body());
    }
}
