package io.statewise.ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.job.JobPhase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /events}, {@code /versions} and {@code /model?asOf=|?version=} against a real server over a stub service. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobHistoryRoutesTest {

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
