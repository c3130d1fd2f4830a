package io.statewise.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.job.JobPhase;
import io.statewise.ops.http.JsonSupport;
import io.statewise.ops.http.TestApiServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The client commands against the real API over a stub job service. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliClientTest {
    private TestApiServer server;
    @TempDir Path dir;

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
    void submitPrintsTheStatus() throws Exception {
        CliRun run = CliRun.of("submit", spec("kmeans").toString(), "--url", server.url());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("training", json(run.out()).get("phase").asText());
    }

    @Test
    void submitWaitPrintsTheModel() throws Exception {
        server.jobs().statusPollsToComplete = 2;
        CliRun run = CliRun.of("submit", spec("kmeans").toString(), "--wait", "--no-progress", "--url", server.url());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode model = json(run.out());
        assertEquals("job-1", model.get("job_id").asText());
        assertTrue(model.get("model").has("centers"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void tunePrintsTheTableAndTheChoiceOrExits2WithTheField() throws Exception {
        server.jobs().put("j", JobPhase.COMPLETED);
        CliRun run = CliRun.of("tune", "j", "--parameter", "k", "--from", "2", "--to", "4", "--url", server.url());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode body = json(run.out());
        assertEquals(3, body.get("table").size());
        assertEquals(2, body.get("choice").get("version").asInt());
        CliRun listed = CliRun.of("tune", "j", "--parameter", "k", "--values", "3,5", "--url", server.url());
        assertEquals("5", json(listed.out()).get("table").get(1).get("value").asText());
        CliRun bad = CliRun.of("tune", "j", "--parameter", "epochs", "--values", "2", "--url", server.url());
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("(field parameter)"), bad.err());
    }

    @Test
    void addDataPostsTheInputAsTheNodeReadsIt() throws Exception {
        server.jobs().put("j", JobPhase.COMPLETED);
        CliRun run = CliRun.of("add-data", "j", "more.csv", "extra/*.csv", "--header", "--label-column", "none",
                "--url", server.url());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("training", json(run.out()).get("phase").asText());
        var added = server.jobs().lastAdded();
        assertEquals(java.util.List.of("more.csv", "extra/*.csv"), added.paths());
        assertTrue(added.header());
        assertEquals(-1, added.labelColumn());
        CliRun busy = CliRun.of("add-data", "j", "more.csv", "--url", server.url());
        assertEquals(ExitCodes.USAGE, busy.exitCode());
        assertTrue(busy.err().contains("it is training"), busy.err());
    }

    @Test
    void modelVersionsAndEventsOfTheHistory() throws Exception {
        server.jobs().put("j", JobPhase.COMPLETED);
        CliRun early = CliRun.of("model", "j", "--as-of", "2", "--url", server.url());
        assertEquals(ExitCodes.OK, early.exitCode(), early.err());
        assertEquals(2, json(early.out()).get("as_of").asInt());
        CliRun v1 = CliRun.of("model", "j", "--version", "1", "--url", server.url());
        assertEquals(1, json(v1.out()).get("version").asInt());
        CliRun beyond = CliRun.of("model", "j", "--as-of", "99", "--url", server.url());
        assertEquals(ExitCodes.USAGE, beyond.exitCode());
        assertTrue(beyond.err().contains("(field asOf)"), beyond.err());
        CliRun versions = CliRun.of("versions", "j", "--url", server.url());
        assertEquals(4, json(versions.out()).get("versions").get(0).get("sequence_nr").asInt());
        CliRun events = CliRun.of("versions", "j", "--events", "--from", "2", "--limit", "2", "--url", server.url());
        JsonNode page = json(events.out());
        assertEquals(2, page.get("events").size());
        assertEquals(4, page.get("next_from").asInt());
    }

    @Test
    void rejectedSpecExits2WithTheField() throws Exception {
        CliRun run = CliRun.of("submit", spec("reject").toString(), "--url", server.url());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("statewise: error: k must be >= 1, got 0 (field hyperparameters.k) [HTTP 400]",
                run.err().strip());
    }

    @Test
    void missingSpecFileExits2() {
        CliRun run = CliRun.of("submit", dir.resolve("nope.json").toString(), "--url", server.url());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("no such file"), run.err());
    }

    @Test
    void unknownJobExits1WithTheServersMessage() {
        CliRun run = CliRun.of("status", "nope", "--url", server.url());
        assertEquals(ExitCodes.FAILURE, run.exitCode());
        assertTrue(run.err().contains("no job with id 'nope'") && run.err().contains("HTTP 404"), run.err());
    }

    @Test
    void jobsModelAndCancel() throws Exception {
        server.jobs().put("a", JobPhase.COMPLETED);
        server.jobs().put("b", JobPhase.TRAINING);
        CliRun jobs = CliRun.of("jobs", "--url", server.url());
        assertEquals(2, json(jobs.out()).get("jobs").size(), jobs.out());
        CliRun model = CliRun.of("model", "a", "--url", server.url());
        assertEquals(1000, json(model.out()).get("records").asLong(), model.out());
        CliRun cancel = CliRun.of("cancel", "b", "--url", server.url());
        assertEquals("cancelled", json(cancel.out()).get("phase").asText(), cancel.out());
    }

    @Test
    void predictReadsTheCsvWithoutItsLabel() throws Exception {
        server.jobs().put("a", JobPhase.COMPLETED);
        Path csv = Files.writeString(dir.resolve("rows.csv"), "x,y,label\n3,4,1\n\n0,0,2\n");
        CliRun run = CliRun.of("predict", "a", csv.toString(), "--header", "--label-column", "2", "--url",
                server.url());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode predictions = json(run.out()).get("predictions");
        assertEquals(2, predictions.size());
        assertEquals(5.0, predictions.get(0).get("distance").asDouble(), 1e-6);
    }

    @Test
    void predictNamesTheBadValue() throws Exception {
        Path csv = Files.writeString(dir.resolve("rows.csv"), "1,3,4\n2,x,4\n");
        CliRun run = CliRun.of("predict", "a", csv.toString(), "--url", server.url());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("rows.csv:2: field 1"), run.err());
    }

    @Test
    void predictSendsSeriesAsInstancesAndNamesABadLine() throws Exception {
        server.jobs().put("a", JobPhase.COMPLETED);
        Path json = Files.writeString(dir.resolve("series.json"),
                "{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2]}\n\n");
        CliRun run = CliRun.of("predict", "a", json.toString(), "--series", "--url", server.url());
        assertTrue(run.err().contains("does not forecast series"), "sent as series instances: " + run.err());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"start\": \"2020-01-01\", \"target\": [1]}\n[1]\n");
        CliRun badRun = CliRun.of("predict", "a", bad.toString(), "--series", "--url", server.url());
        assertEquals(ExitCodes.USAGE, badRun.exitCode());
        assertTrue(badRun.err().contains("bad.json:2: not a JSON series object"), badRun.err());
    }

    @Test
    void unreachableNodeExits1() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun run = CliRun.of("jobs", "--url", "http://127.0.0.1:" + port);
        assertEquals(ExitCodes.FAILURE, run.exitCode());
        assertTrue(run.err().contains("cannot connect"), run.err());
    }

    @Test
    void badUrlExits2() {
        assertEquals(ExitCodes.USAGE, CliRun.of("jobs", "--url", "localhost:8080").exitCode());
    }

    private Path spec(String algorithm) throws Exception {
        return Files.writeString(dir.resolve(algorithm + ".json"),
                "{\"algorithm\": \"" + algorithm + "\", \"train\": {\"paths\": [\"x.csv\"]}}");
    }

    private static JsonNode json(String text) throws Exception {
        return JsonSupport.mapper().readTree(text);
    }
}
