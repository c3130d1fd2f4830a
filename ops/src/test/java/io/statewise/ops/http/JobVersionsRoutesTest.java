package io.statewise.ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.job.JobPhase;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Model versions over HTTP: {@code /events}, {@code /versions}, {@code /model?asOf=|?version=} and {@code /tune},
 * against a real server over a stub service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobVersionsRoutesTest {

    private TestApiServer server;

    @BeforeAll
    void start() throws Exception {
        server = new TestApiServer();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.jobs().reset();
        server.jobs().put("j", JobPhase.COMPLETED);
        server.jobs().put("done", JobPhase.COMPLETED);
        server.jobs().put("busy", JobPhase.TRAINING);
    }

    @Test
    void eventsArePagedAndCarryCountsButNoPayload() throws Exception {
        JsonNode first = json(server.send("GET", "/v1/jobs/j/events?limit=2", null), 200);
        assertEquals("j", first.get("job_id").asText());
        assertEquals(2, first.get("events").size());
        JsonNode merged = first.get("events").get(1);
        assertEquals(2, merged.get("sequence_nr").asLong());
        assertEquals("split_merged", merged.get("type").asText());
        assertEquals(0, merged.get("split").asInt());
        assertEquals(250, merged.get("records").asLong());
        assertFalse(merged.has("partial") || merged.has("version"), "no payload, no field that does not apply");
        assertEquals(3, first.get("next_from").asLong());

        JsonNode rest = json(server.send("GET", "/v1/jobs/j/events?from=3&limit=2", null), 200);
        assertEquals(1, rest.get("events").get(1).get("version").asInt());
        assertTrue(rest.get("next_from").isNull());
    }

    @Test
    void badPagingIs400NamingTheParameter() throws Exception {
        assertError(server.send("GET", "/v1/jobs/j/events?from=0", null), 400, "from");
        assertError(server.send("GET", "/v1/jobs/j/events?limit=ten", null), 400, "limit");
        assertError(server.send("GET", "/v1/jobs/nope/events", null), 404, null);
    }

    @Test
    void versionsListWhereEachWasStored() throws Exception {
        JsonNode body = json(server.send("GET", "/v1/jobs/j/versions", null), 200);
        JsonNode v1 = body.get("versions").get(0);
        assertEquals(1, v1.get("version").asInt());
        assertEquals(4, v1.get("sequence_nr").asLong());
        assertEquals("training", v1.get("source").asText());
        assertEquals(0.25, v1.get("metrics").get("validation_msd").asDouble());
    }

    @Test
    void modelAsOfAnEventOrOfAVersion() throws Exception {
        JsonNode early = json(server.send("GET", "/v1/jobs/j/model?asOf=2", null), 200);
        assertEquals(2, early.get("as_of").asLong());
        assertTrue(early.get("version").isNull());
        assertEquals(500, early.get("records").asLong());
        assertEquals(2.0, early.get("model").get("centers").get(0).get(0).asDouble());

        JsonNode v1 = json(server.send("GET", "/v1/jobs/j/model?version=1", null), 200);
        assertEquals(1, v1.get("version").asInt());
        assertEquals(4, v1.get("as_of").asLong());
    }

    @Test
    void modelAsOfBeyondTheLastEventOrAnUnknownVersionIs400() throws Exception {
        var beyond = server.send("GET", "/v1/jobs/j/model?asOf=5", null);
        assertError(beyond, 400, "asOf");
        assertTrue(json(beyond, 400).get("error").asText().contains("beyond the last event"));
        assertError(server.send("GET", "/v1/jobs/j/model?version=2", null), 400, "version");
        assertError(server.send("GET", "/v1/jobs/j/model?asOf=-1", null), 400, "asOf");
        assertError(server.send("GET", "/v1/jobs/j/model?asOf=1&version=1", null), 400, "version");
    }

    @Test
    void aRangeIsSweptAndTheWholeTableComesBackWithTheChoice() throws Exception {
        JsonNode body = json(tune("done", "{\"parameter\": \"k\", \"from\": 2, \"to\": 6, \"step\": 2}"), 200);
        assertEquals("k", body.get("parameter").asText());
        assertEquals("elbow of validation_msd", body.get("selected_by").asText());
        JsonNode table = body.get("table");
        assertEquals(3, table.size());
        assertEquals("4", table.get(1).get("value").asText());
        assertEquals(2.5, table.get(1).get("validation_msd").asDouble());
        assertTrue(table.get(1).get("validation_silhouette").isNull(), "NaN is written as null");
        assertEquals("2", body.get("choice").get("value").asText());
        assertEquals(2, body.get("choice").get("version").asInt());
    }

    @Test
    void valuesMayBeListed() throws Exception {
        JsonNode body = json(tune("done", "{\"parameter\": \"k\", \"values\": [3, \"5\"]}"), 200);
        assertEquals("5", body.get("table").get(1).get("value").asText());
    }

    @Test
    void badRangesAre400NamingTheField() throws Exception {
        assertError(tune("done", "{\"parameter\": \"k\", \"from\": 5, \"to\": 2}"), 400, "to");
        assertError(tune("done", "{\"parameter\": \"k\", \"from\": 2}"), 400, "to");
        assertError(tune("done", "{\"parameter\": \"k\", \"from\": 2, \"to\": 4, \"step\": 0}"), 400, "step");
        assertError(tune("done", "{\"parameter\": \"k\", \"values\": [2], \"from\": 2, \"to\": 3}"), 400, "values");
        assertError(tune("done", "{\"parameter\": \"k\", \"values\": [{\"k\": 2}]}"), 400, "values[0]");
        assertError(tune("done", "{\"parameter\": \"k\", \"from\": 1, \"to\": 5000}"), 400, "to");
        assertError(tune("done", "{\"values\": [2]}"), 400, "parameter");
        assertError(tune("done", "{\"parameter\": \"k\", \"values\": [2], \"colour\": 1}"), 400, "colour");
    }

    @Test
    void theAlgorithmsRefusalsAndTheJobsStateAreClientErrors() throws Exception {
        assertError(tune("done", "{\"parameter\": \"mini_batch_size\", \"values\": [2]}"), 400, "parameter");
        assertError(tune("busy", "{\"parameter\": \"k\", \"values\": [2]}"), 409, null);
        assertError(tune("nope", "{\"parameter\": \"k\", \"values\": [2]}"), 404, null);
    }

    @Test
    void addingDataToACompletedJobAnswers202AndItTrainsAgain() throws Exception {
        JsonNode status = json(server.send("POST", "/v1/jobs/done/data",
                "{\"paths\": [\"more.csv\"], \"header\": true}"), 202);
        assertEquals("training", status.get("phase").asText());
        assertEquals(List.of("more.csv"), server.jobs().lastAdded().paths());
        assertTrue(server.jobs().lastAdded().header());
    }

    @Test
    void addingDataTheJobCannotTakeIs400() throws Exception {
        assertError(server.send("POST", "/v1/jobs/done/data", "{\"paths\": []}"), 400, "data.paths");
        assertError(server.send("POST", "/v1/jobs/done/data", "{\"paths\": [\"x\"], \"format\": \"xml\"}"),
                400, "data.format");
        var busy = server.send("POST", "/v1/jobs/busy/data", "{\"paths\": [\"more.csv\"]}");
        assertError(busy, 400, null);
        assertTrue(json(busy, 400).get("error").asText().contains("it is training"), busy.body());
        assertError(server.send("POST", "/v1/jobs/nope/data", "{\"paths\": [\"more.csv\"]}"), 404, null);
    }

    private HttpResponse<String> tune(String jobId, String body) throws Exception {
        return server.send("POST", "/v1/jobs/" + jobId + "/tune", body);
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return JsonSupport.mapper().readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String field) throws Exception {
        JsonNode body = json(response, status);
        assertTrue(body.hasNonNull("error"));
        if (field != null) assertEquals(field, body.get("field").asText());
    }
}
