package io.statewise.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.algorithms.data.synthetic.LinearRows;
import io.statewise.ops.http.ApiRoutes;
import io.statewise.ops.http.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tuning jobs on a real node (cluster, sharding, H2 file journal, real HTTP): successive halving over linear-learner
 * children on a small regression data set, children continued from their stored states, and the requests refused
 * with a 400 and a message that says why.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TuningJobEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private StatewiseNode node;
    private Http http;
    private String train;
    private String validation;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        LinearRows rows = new LinearRows(LinearRows.Kind.REGRESSION, 5, 0, 3.0, 3L);
        rows.writeCsv(dir.resolve("train.csv"), 3_000);
        rows.writeCsv(dir.resolve("validation.csv"), 1_000);
        train = dir.resolve("train.csv").toString().replace("\\", "/");
        validation = dir.resolve("validation.csv").toString().replace("\\", "/");
        node = StatewiseNode.start(NodeSettings.standalone(dir.resolve("node")),
                com.typesafe.config.ConfigFactory.parseString("statewise.actors.tuning.poll-interval = 100ms"));
        InetSocketAddress address = HttpServer.start(node.system(), ApiRoutes.create(node), "127.0.0.1", 0)
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        http = new Http("http://127.0.0.1:" + address.getPort());
    }

    @AfterAll
    void stop() {
        if (node != null) node.close();
    }

    private String request(String algorithm, String searchSpace, String extra) {
        return """
                {"algorithm":"%s","hyperparameters":{"predictor_type":"regressor","mini_batch_size":100,
                 "sync_every_batches":5,"num_models":1,"optimizer":"sgd","early_stopping_patience":10},
                 "search_space":%s, %s
                 "train":{"paths":["%s"]},"validation":{"paths":["%s"]},"parallelism":1}
                """.formatted(algorithm, searchSpace, extra, train, validation);
    }

    @Test
    void successiveHalvingContinuesTheBestChildrenAndServesTheBestModel() throws Exception {
        Http.Response started = http.post("/v1/tuning-jobs", request("linear-learner",
                "{\"learning_rate\":{\"min\":0.00001,\"max\":0.5,\"scale\":\"log\"}}",
                "\"strategy\":\"successive_halving\",\"configurations\":9,\"eta\":3,\"min_epochs\":1,"
                        + "\"max_epochs\":3,\"max_parallel_jobs\":2,\"seed\":5,"));
        assertEquals(202, started.status(), started.body().toString());
        String id = started.body().path("tuning_id").asText();

        JsonNode done = http.awaitFinalAt("/v1/tuning-jobs/" + id, TIMEOUT);
        assertEquals("completed", done.path("phase").asText(), done.toString());
        JsonNode children = done.path("children");
        assertEquals(9 + 3, children.size(), done.toString());
        Set<String> firstRung = new HashSet<>();
        double worstOfFirst = Double.NEGATIVE_INFINITY;
        for (JsonNode c : children) {
            assertEquals("completed", c.path("phase").asText(), c.toString());
            if (c.path("rung").asInt() == 0) {
                firstRung.add(c.path("job_id").asText());
                worstOfFirst = Math.max(worstOfFirst, c.path("metric").asDouble());
            } else {
                assertEquals(3, c.path("epochs").asInt());
                assertTrue(firstRung.contains(c.path("continues").asText()), "continues its rung-0 child: " + c);
                // A continued child trains only its two further epochs over the 3,000 records.
                assertEquals(2L * 3_000, c.path("cost").asLong(), c.toString());
            }
        }
        JsonNode best = done.path("best");
        assertEquals(1, best.path("rung").asInt(), done.toString());
        assertTrue(best.path("metric").asDouble() < worstOfFirst, "the best beats the worst first-rung child");
        assertEquals(done.path("total_cost").asLong(), sum(children, "cost"));

        Http.Response model = http.get("/v1/tuning-jobs/" + id + "/model");
        assertEquals(200, model.status(), model.body().toString());
        assertEquals(best.path("job_id").asText(), model.body().path("job_id").asText());
        Http.Response child = http.get("/v1/jobs/" + best.path("job_id").asText());
        assertEquals(best.path("metric").asDouble(), child.body().path("metrics").path("validation_mse").asDouble());
    }

    @Test
    void aTopicModelSearchContinuesItsChildrenOverTheirTextAndRanksThemByValidationLoss(@TempDir Path dir)
            throws Exception {
        Path docs = dir.resolve("docs.txt");
        Path held = dir.resolve("held.txt");
        TopicCorpus.write(docs, 600, 1L);
        TopicCorpus.write(held, 150, 2L);
        String body = """
                {"algorithm":"ntm","hyperparameters":{"num_topics":3,"vocab_size":18,"mini_batch_size":50,
                 "optimizer":"adam","seed":4},"search_space":{"learning_rate":{"values":[0.0001,0.01,0.05]}},
                 "strategy":"successive_halving","configurations":3,"eta":3,"min_epochs":2,"max_epochs":6,
                 "train":{"paths":["%s"],"format":"text"},"validation":{"paths":["%s"],"format":"text"},
                 "parallelism":1}
                """.formatted(docs.toString().replace("\\", "/"), held.toString().replace("\\", "/"));
        Http.Response started = http.post("/v1/tuning-jobs", body);
        assertEquals(202, started.status(), started.body().toString());
        JsonNode done = http.awaitFinalAt("/v1/tuning-jobs/" + started.body().path("tuning_id").asText(), TIMEOUT);
        assertEquals("completed", done.path("phase").asText(), done.toString());
        assertEquals("validation_total_loss", done.path("objective").asText());
        assertEquals(3 + 1, done.path("children").size(), done.toString());
        JsonNode best = done.path("best");
        assertEquals(1, best.path("rung").asInt());
        assertEquals(6, best.path("epochs").asInt());
        assertTrue(best.path("continues").asText().endsWith("-r0"), best.toString());
    }

    private static long sum(JsonNode children, String field) {
        long total = 0;
        for (JsonNode c : children) total += c.path(field).asLong();
        return total;
    }

    @Test
    void aContinuedJobEqualsOneTrainedForAllItsEpochs() throws Exception {
        String spec = """
                {"algorithm":"linear-learner","hyperparameters":{"predictor_type":"regressor","mini_batch_size":100,
                 "sync_every_batches":5,"num_models":1,"learning_rate":0.01,"epochs":%d},%s
                 "train":{"paths":["%s"]},"validation":{"paths":["%s"]},"parallelism":1}
                """;
        String whole = http.submit(spec.formatted(3, "", train, validation));
        String first = http.submit(spec.formatted(1, "", train, validation));
        http.awaitCompleted(first, TIMEOUT);
        String continued = http.submit(spec.formatted(3, "\"base\":\"" + first + "\",", train, validation));
        JsonNode a = http.awaitCompleted(whole, TIMEOUT);
        JsonNode b = http.awaitCompleted(continued, TIMEOUT);
        assertEquals(a.path("metrics"), b.path("metrics"), "1 + 2 epochs train as 3 do");
        assertEquals(2L * 3_000, b.path("records").asLong(), "the continuation read the data twice, not three times");
        assertEquals(http.get("/v1/jobs/" + whole + "/model").body().path("model"),
                http.get("/v1/jobs/" + continued + "/model").body().path("model"));

        Http.Response otherRate = http.post("/v1/jobs", spec.formatted(3, "\"base\":\"" + first + "\",", train,
                validation).replace("0.01", "0.02"));
        assertEquals(400, otherRate.status(), otherRate.body().toString());
        assertTrue(otherRate.body().path("error").asText().contains("learning_rate"), otherRate.body().toString());
    }

    private String refused(String body) throws Exception {
        Http.Response r = http.post("/v1/tuning-jobs", body);
        assertEquals(400, r.status(), r.body().toString());
        return r.body().path("error").asText();
    }

    private void assertRefused(String body, String expected) throws Exception {
        String message = refused(body);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void badSearchesAreRefusedSayingWhy() throws Exception {
        assertRefused(request("linear-learner", "{\"learning_rte\":{\"values\":[0.1]}}", ""),
                "no hyperparameter 'learning_rte'");
        assertRefused(request("linear-learner", "{\"wd\":{\"values\":[]}}", ""), "empty");
        assertRefused(request("linear-learner", "{\"wd\":{\"min\":0.5,\"max\":0.1}}", ""), "empty");
        assertRefused(request("linear-learner", "{\"wd\":{\"min\":\"low\",\"max\":0.1}}", ""),
                "must be a number");
        assertRefused(request("linear-learner", "{\"wd\":{\"min\":0,\"max\":1,\"type\":\"int\"}}", ""),
                "use type float");
        assertRefused(request("linear-learner", "{\"init_method\":{\"values\":[\"uniform\",\"bogus\"]}}", ""),
                "bogus");
        assertRefused(request("linear-learner", "{\"epochs\":{\"values\":[1,2]}}", ""), "set by the search");
        assertRefused(request("pca", "{\"num_components\":{\"values\":[1,2]}}", ""), "one pass");
        assertRefused(request("linear-learner", "{\"wd\":{\"values\":[0.1]}}", "\"eta\":1,"), "eta");
        Http.Response unknown = http.get("/v1/tuning-jobs/tuning-nothing");
        assertEquals(404, unknown.status());
    }
}
