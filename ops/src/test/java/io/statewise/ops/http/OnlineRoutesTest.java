package io.statewise.ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.RecordStreams;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The online routes over a stub service: how a request names its records' syntax, and the service's refusals as JSON
 * errors. Online jobs themselves are tested against a real node (module test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineRoutesTest {

    private TestApiServer server;

    @BeforeAll
    void start() throws Exception {
        server = new TestApiServer();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theFormatParameterWinsOverTheContentType() {
        assertEquals(RecordStreams.Syntax.CSV, OnlineRoutes.syntax(Optional.empty(), "text/csv"));
        assertEquals(RecordStreams.Syntax.CSV, OnlineRoutes.syntax(Optional.empty(), "application/octet-stream"));
        assertEquals(RecordStreams.Syntax.JSON_LINES, OnlineRoutes.syntax(Optional.empty(), "application/x-ndjson"));
        assertEquals(RecordStreams.Syntax.JSON_LINES, OnlineRoutes.syntax(Optional.of("JSONLines"), "text/csv"));
        assertEquals(RecordStreams.Syntax.CSV, OnlineRoutes.syntax(Optional.of("csv"), "application/jsonlines"));
        InvalidRequestException bad = assertThrows(InvalidRequestException.class,
                () -> OnlineRoutes.syntax(Optional.of("xml"), "text/csv"));
        assertEquals(Optional.of("format"), bad.field());
    }

    @Test
    void refusalsAreJsonErrors() throws Exception {
        assertEquals(404, server.send("POST", "/v1/jobs/nope/records", "1,2\n").statusCode());
        assertEquals(404, server.send("POST", "/v1/jobs/nope/close", "").statusCode());
        String jobId = JsonSupport.mapper().readTree(server.send("POST", "/v1/jobs",
                "{\"algorithm\": \"kmeans\", \"train\": {\"paths\": [\"x.csv\"]}}").body()).get("job_id").asText();
        var refused = server.send("POST", "/v1/jobs/" + jobId + "/records", "1,2\n");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("is not an online job"), refused.body());
        var badFormat = server.send("POST", "/v1/jobs/" + jobId + "/records?format=xml", "1,2\n");
        assertEquals(400, badFormat.statusCode(), badFormat.body());
        assertEquals("format", JsonSupport.mapper().readTree(badFormat.body()).get("field").asText());
        assertEquals(405, server.send("GET", "/v1/jobs/" + jobId + "/records", null).statusCode());
    }
}
