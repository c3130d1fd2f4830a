package io.statewise.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.algorithms.data.synthetic.LinearRows;
import io.statewise.ops.http.ApiRoutes;
import io.statewise.ops.http.HttpServer;
import io.statewise.ops.http.JsonSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code statewise tuning-job} against a node: a small random search followed to its end, its status and model. */
@Tag("integration")
class TuningJobCommandTest {

    @TempDir
    Path dir;

    @Test
    void startWaitsForTheSearchAndStatusAndModelFollow() throws Exception {
        LinearRows rows = new LinearRows(LinearRows.Kind.REGRESSION, 3, 0, 2.0, 5L);
        Path train = dir.resolve("train.csv");
        Path validation = dir.resolve("validation.csv");
        rows.writeCsv(train, 1_000);
        rows.writeCsv(validation, 300);
        Path request = dir.resolve("tuning.json");
        Files.writeString(request, """
                {"algorithm":"linear-learner","hyperparameters":{"predictor_type":"regressor","num_models":1,
                 "mini_batch_size":50},"search_space":{"learning_rate":{"values":[0.001,0.1]}},
                 "strategy":"random","configurations":2,"max_epochs":1,"train":{"paths":["%s"]},
                 "validation":{"paths":["%s"]},"parallelism":1}
                """.formatted(train.toString().replace("\\", "/"), validation.toString().replace("\\", "/")));
        try (EmbeddedNode node = EmbeddedNode.start(dir.resolve("node"), false)) {
            var http = HttpServer.start(node.node().system(), ApiRoutes.create(node.node()), "127.0.0.1", 0)
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            String url = "http://127.0.0.1:" + http.getPort();

            CliRun started = CliRun.of("tuning-job", "start", request.toString(), "--wait", "--url", url);
            assertEquals(ExitCodes.OK, started.exitCode(), started.err());
            JsonNode done = JsonSupport.mapper().readTree(started.out());
            assertEquals("completed", done.get("phase").asText(), started.out());
            assertEquals(2, done.get("children").size());
            String id = done.get("tuning_id").asText();

            CliRun status = CliRun.of("tuning-job", "status", id, "--url", url);
            assertEquals(done.get("best"), JsonSupport.mapper().readTree(status.out()).get("best"));
            CliRun model = CliRun.of("tuning-job", "model", id, "--url", url);
            assertEquals(done.get("best").get("job_id").asText(),
                    JsonSupport.mapper().readTree(model.out()).get("job_id").asText());

            CliRun missing = CliRun.of("tuning-job", "start", dir.resolve("none.json").toString(), "--url", url);
            assertEquals(ExitCodes.USAGE, missing.exitCode());
            assertTrue(missing.err().contains("no such file"), missing.err());
        }
    }
}
