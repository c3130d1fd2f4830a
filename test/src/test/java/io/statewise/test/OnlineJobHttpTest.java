package io.statewise.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.ops.http.ApiRoutes;
import io.statewise.ops.http.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online jobs over the real HTTP API of a real node (H2 file journal): records posted as chunked CSV and JSON Lines in
 * several requests change the model as they arrive, survive a node restart once acknowledged, and the job closes with
 * a model version that replay rebuilds; records posted where they do not belong are refused with a 4xx.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineJobHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Small checkpoints, so that one request of a few thousand records spans several. */
    private static final int CHECKPOINT_RECORDS = 1000;
    private static final String ONLINE_KMEANS = """
            {"algorithm":"kmeans","hyperparameters":{"k":4,"mini_batch_size":500,"seed":3},"mode":"online",
             "train":{"features":3,"label_column":"none"}}
            """;

    /** Four blobs in 3-D; each call draws new records around the same centers. */
    private final GaussianBlobs blobs = new GaussianBlobs(4, 3, 0.5, 11L);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path nodeDir;
    private StatewiseNode node;
    private Http http;
    private String base;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        nodeDir = dir.resolve("node");
        startNode();
    }

    private void startNode() throws Exception {
        node = StatewiseNode.start(NodeSettings.standalone(nodeDir), ConfigFactory.parseMap(Map.of(
                "statewise.actors.job.online.checkpoint-records", CHECKPOINT_RECORDS)));
        InetSocketAddress address = HttpServer.start(node.system(), ApiRoutes.create(node), "127.0.0.1", 0)
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + address.getPort();
        http = new Http(base);
    }

    @AfterAll
    void stop() {
        if (node != null) node.close();
    }

    @Test
    void recordsPostedInRequestsUpdateTheModelSurviveARestartAndCloseIntoAVersion() throws Exception {
        String jobId = http.submit(ONLINE_KMEANS);
        assertEquals("online", http.get("/v1/jobs/" + jobId).body().path("phase").asText());
        assertEquals(409, http.get("/v1/jobs/" + jobId + "/model").status(), "no record, no model yet");

        JsonNode first = postRecords(jobId, csv(3_000), "text/csv");
        assertEquals(200, first.path("status").asInt(), first.toString());
        assertEquals(3_000, first.path("records_accepted").asLong());
        assertEquals(3, first.path("checkpoints").asInt(), "a checkpoint every 1000 records: " + first);
        assertEquals(3_000, first.path("job_records").asLong());
        long firstCheckpoint = first.path("checkpointed_through").asLong();
        JsonNode modelAfterFirst = http.get("/v1/jobs/" + jobId + "/model").body();
        assertEquals(4, modelAfterFirst.path("model").path("centers").size(), modelAfterFirst.toString());

        JsonNode second = postRecords(jobId, jsonLines(2_000), "application/jsonlines");
        assertEquals(200, second.path("status").asInt(), second.toString());
        assertEquals(5_000, second.path("job_records").asLong());
        JsonNode modelAfterSecond = http.get("/v1/jobs/" + jobId + "/model").body();
        assertEquals(5_000, modelAfterSecond.path("records").asLong(), modelAfterSecond.toString());
        assertNotEquals(modelAfterFirst.path("model"), modelAfterSecond.path("model"), "the model follows the records");

        node.close();
        startNode();
        JsonNode recovered = http.get("/v1/jobs/" + jobId).body();
        assertEquals("online", recovered.path("phase").asText(), recovered.toString());
        assertEquals(5_000, recovered.path("records").asLong(), "acknowledged records survive the restart");
        assertEquals(modelAfterSecond.path("model"), http.get("/v1/jobs/" + jobId + "/model").body().path("model"),
                "the recovered state finalizes to the same model");

        JsonNode third = postRecords(jobId, csv(1_000), "text/csv");
        assertEquals(6_000, third.path("job_records").asLong(), third.toString());

        Http.Response closed = http.post("/v1/jobs/" + jobId + "/close", "");
        assertEquals(200, closed.status(), closed.body().toString());
        assertEquals("completed", closed.body().path("phase").asText());
        assertEquals(6_000, closed.body().path("records").asLong());
        JsonNode versions = http.get("/v1/jobs/" + jobId + "/versions").body();
        assertEquals(1, versions.path("versions").size(), versions.toString());
        JsonNode asOfFirst = http.get("/v1/jobs/" + jobId + "/model?asOf=" + firstCheckpoint).body();
        assertEquals(3_000, asOfFirst.path("records").asLong(), "replay folds the checkpoints up to one: " + asOfFirst);
        assertEquals(modelAfterFirst.path("model"), asOfFirst.path("model"), "replay rebuilds the model of then");

        Http.Response tuned = http.post("/v1/jobs/" + jobId + "/tune",
                "{\"parameter\": \"k\", \"from\": 2, \"to\": 4}");
        assertEquals(200, tuned.status(), tuned.body().toString());
        assertEquals(2, tuned.body().path("choice").path("version").asInt(),
                "a closed online job tunes from its state");

        JsonNode late = postRecords(jobId, csv(10), "text/csv");
        assertEquals(400, late.path("status").asInt(), late.toString());
        assertTrue(late.path("error").asText().contains("not online any more: it is completed"), late.toString());
    }

    @Test
    void refusesRecordsWhereTheyDoNotBelongWithAClearMessage() throws Exception {
        String jobId = http.submit(ONLINE_KMEANS);
        String malformed = csv(1_500) + "1.0,abc,2.0\n" + csv(10);
        JsonNode bad = postRecords(jobId, malformed, "text/csv");
        assertEquals(400, bad.path("status").asInt(), bad.toString());
        String message = bad.path("error").asText();
        assertTrue(message.contains("records:1501:2: not a number: 'abc'"), message);
        assertTrue(message.contains("1000 records of this request were merged and checkpointed"), message);
        assertEquals(1_000, http.get("/v1/jobs/" + jobId).body().path("records").asLong(), "checkpointed ones stay");

        JsonNode wider = postRecords(jobId, "1,2,3,4\n", "text/csv");
        assertEquals(400, wider.path("status").asInt(), wider.toString());
        assertTrue(wider.path("error").asText().contains("records:1: expected 3 columns, found 4"), wider.toString());
        JsonNode widerJson = postRecords(jobId, "{\"features\":[1,2]}\n", "application/x-ndjson");
        assertTrue(widerJson.path("error").asText().contains("records:1: expected 3 features, found 2"),
                widerJson.toString());

        JsonNode unknown = postRecords("kmeans-000000000000", "1,2,3\n", "text/csv");
        assertEquals(404, unknown.path("status").asInt(), unknown.toString());

        String batchId = http.submit("""
                {"algorithm":"pca","hyperparameters":{"num_components":1},"train":{"paths":["%s"]}}
                """.formatted(writeCsv(nodeDir.resolveSibling("batch.csv")).replace("\\", "/")));
        JsonNode notOnline = postRecords(batchId, "1,2,3\n", "text/csv");
        assertEquals(400, notOnline.path("status").asInt(), notOnline.toString());
        assertTrue(notOnline.path("error").asText().contains("is not an online job"), notOnline.toString());

        Http.Response sgd = http.post("/v1/jobs", """
                {"algorithm":"linear-learner","hyperparameters":{"predictor_type":"regressor"},"mode":"online",
                 "train":{"features":3}}
                """);
        assertEquals(400, sgd.status(), sgd.body().toString());
        assertEquals("mode", sgd.body().path("field").asText(), sgd.body().toString());
        Http.Response noFeatures = http.post("/v1/jobs", ONLINE_KMEANS.replace("\"features\":3,", ""));
        assertEquals("train.features", noFeatures.body().path("field").asText(), noFeatures.body().toString());
        Http.Response badMode = http.post("/v1/jobs", ONLINE_KMEANS.replace("\"online\"", "\"live\""));
        assertEquals("mode", badMode.body().path("field").asText(), badMode.body().toString());
    }

    @Test
    void aClientCutOffMidStreamLosesNothingAcknowledgedNorAnyCheckpoint() throws Exception {
        String jobId = http.submit(ONLINE_KMEANS);
        assertEquals(2_000, postRecords(jobId, csv(2_000), "text/csv").path("records_accepted").asLong());
        // A raw socket, so that no client buffer holds bytes back: 4400 records in one chunk, then the client goes
        // away once the job holds the 4000 that make whole checkpoints (the last 400 wait for their mini-batch).
        byte[] chunk = csv(4_400).getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/jobs/" + jobId + "/records HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (http.get("/v1/jobs/" + jobId).body().path("records").asLong() < 6_000
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertEquals(6_000, http.get("/v1/jobs/" + jobId).body().path("records").asLong(),
                "the acknowledged request and the cut one's whole checkpoints");
        assertEquals(6_010, postRecords(jobId, csv(10), "text/csv").path("job_records").asLong(),
                "the job takes records again, without the 400 records of the cut request's last mini-batch");
    }

    @Test
    void concurrentRequestsEachAcknowledgeTheirOwnRecords() throws Exception {
        String jobId = http.submit(ONLINE_KMEANS);
        var first = client.sendAsync(recordsRequest(jobId, csv(2_500), "text/csv"),
                HttpResponse.BodyHandlers.ofString());
        var second = client.sendAsync(recordsRequest(jobId, jsonLines(1_500), "application/jsonlines"),
                HttpResponse.BodyHandlers.ofString());
        JsonNode a = JSON.readTree(first.get(30, TimeUnit.SECONDS).body());
        JsonNode b = JSON.readTree(second.get(30, TimeUnit.SECONDS).body());
        assertEquals(2_500, a.path("records_accepted").asLong(), a.toString());
        assertEquals(1_500, b.path("records_accepted").asLong(), b.toString());
        assertEquals(4_000, http.get("/v1/jobs/" + jobId).body().path("records").asLong());
    }

    private HttpRequest recordsRequest(String jobId, String body, String contentType) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + jobId + "/records"))
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
    }

    /** Posts {@code body} with chunked transfer (no length); returns the JSON answer with its status added. */
    private JsonNode postRecords(String jobId, String body, String contentType) throws Exception {
        HttpResponse<String> response = client.send(recordsRequest(jobId, body, contentType),
                HttpResponse.BodyHandlers.ofString());
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(response.body());
        return json.put("status", response.statusCode());
    }

    private String csv(int rows) {
        StringBuilder out = new StringBuilder();
        for (float[] row : blobs.sample(rows)) {
            out.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append('\n');
        }
        return out.toString();
    }

    private String jsonLines(int rows) {
        StringBuilder out = new StringBuilder();
        for (float[] row : blobs.sample(rows)) {
            out.append("{\"features\": [").append(row[0]).append(", ").append(row[1]).append(", ").append(row[2])
                    .append("]}\n");
        }
        return out.toString();
    }

    private String writeCsv(Path file) throws Exception {
        blobs.writeCsv(file, 500, false);
        return file.toString();
    }
}
