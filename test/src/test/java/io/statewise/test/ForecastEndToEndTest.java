package io.statewise.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.algorithms.data.Series;
import io.statewise.algorithms.data.synthetic.SeasonalSeries;
import io.statewise.ops.http.ApiRoutes;
import io.statewise.ops.http.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DeepAR through a real node and the HTTP API: seeded monthly series in SageMaker's JSON Lines, trained on two workers
 * syncing through the job (each worker's segments applied as they arrive, stale ones damped) with validation series
 * for early stopping, scored on test series against the seasonal-naive baseline, and forecasting new series posted as
 * JSON Lines objects. The model is the best validation epoch's: eight runs with two busy cores beside them measured
 * MASE 0.56 to 0.61 times seasonal naive's and a 10%-90% coverage of 77% to 82% (with the last epoch's model, runs
 * ranged from 0.58 to 1.06 and 49% to 85%, as the two asynchronous workers interleaved).
 */
@Tag("integration")
class ForecastEndToEndTest {

    private static final int HORIZON = 6;

    private static String line(Series s, int drop) {
        float[] target = s.target();
        StringBuilder out = new StringBuilder("{\"start\": \"").append(s.start().toString().replace('T', ' '))
                .append(":00\", \"target\": [");
        for (int t = 0; t < target.length - drop; t++) out.append(t == 0 ? "" : ", ").append(target[t]);
        return out.append("], \"id\": \"").append(s.id()).append("\"}").toString();
    }

    private static Path write(Path file, List<Series> series, int drop) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Series s : series) out.append(line(s, drop)).append('\n');
        return Files.writeString(file, out);
    }

    @Test
    void trainsOnTwoWorkersBeatsSeasonalNaiveAndForecastsOverHttp(@TempDir Path dir) throws Exception {
        List<Series> series = new SeasonalSeries(80, 72, 12, 0.4, 0.005, 0.05, false, 31).generate();
        Path train = write(dir.resolve("train.json"), series, HORIZON);
        Path validation = write(dir.resolve("validation.json"), series.subList(60, 80), 0);
        Path test = write(dir.resolve("test.json"), series, 0);
        try (StatewiseNode node = StatewiseNode.start(NodeSettings.standalone(dir.resolve("node")))) {
            InetSocketAddress address = HttpServer.start(node.system(), ApiRoutes.create(node),
                    "127.0.0.1", 0).toCompletableFuture().get(30, TimeUnit.SECONDS);
            Http http = new Http("http://127.0.0.1:" + address.getPort());
            String spec = """
                    {"algorithm":"deepar","hyperparameters":{"time_freq":"M","context_length":12,
                      "prediction_length":6,"epochs":30,"num_layers":1,"num_cells":16,"dropout_rate":0,
                      "likelihood":"gaussian","learning_rate":0.003,"mini_batch_size":16,"windows_per_series":2,
                      "sync_every_batches":2,"early_stopping_patience":10,"num_eval_samples":50,
                      "test_quantiles":"[0.1, 0.5, 0.9]","seed":2},
                     "train":{"paths":["%s"],"format":"jsonlines"},
                     "validation":{"paths":["%s"],"format":"jsonlines"},
                     "test":{"paths":["%s"],"format":"jsonlines"},
                     "parallelism":2,"split_size_bytes":8000}
                    """.formatted(path(train), path(validation), path(test));
            String jobId = http.submit(spec);
            JsonNode done = http.awaitCompleted(jobId, Duration.ofSeconds(180));
            assertTrue(done.path("splits_total").asInt() > 2, "several splits for two workers: " + done);
            JsonNode epochs = done.path("epochs_completed");
            assertTrue(epochs.get(epochs.size() - 1).path("metrics").has("validation_loss"),
                    "epochs are scored on the validation series: " + epochs);
            JsonNode metrics = done.path("metrics");
            assertEquals(80, metrics.path("test_series").asInt(), metrics.toString());
            assertTrue(metrics.path("test_mase_ratio").asDouble() < 0.9, "MASE vs seasonal naive: " + metrics);
            assertTrue(metrics.path("test_mean_wql_ratio").asDouble() < 0.9, "quantile loss vs naive: " + metrics);
            double coverage = metrics.path("test_coverage").asDouble();
            assertTrue(coverage > 0.6 && coverage < 0.95, "10%-90% coverage: " + metrics);

            JsonNode model = http.get("/v1/jobs/" + jobId + "/model").body().path("model");
            assertEquals("M", model.path("time_freq").asText(), model.toString());
            assertTrue(model.path("parameters").asInt() > 1000, "a parameter count, not the parameters: " + model);

            String instances = "{\"instances\": [" + line(series.get(3), 0) + ", " + line(series.get(7), 0) + "]}";
            Http.Response predicted = http.post("/v1/jobs/" + jobId + "/predict", instances);
            assertEquals(200, predicted.status(), predicted.body().toString());
            JsonNode first = predicted.body().path("predictions").get(0);
            assertEquals("s3", first.path("id").asText(), first.toString());
            assertEquals("2006-01-01 00:00", first.path("start").asText().substring(0, 16), first.toString());
            assertEquals(HORIZON, first.path("mean").size());
            JsonNode low = first.path("quantiles").path("0.1");
            JsonNode high = first.path("quantiles").path("0.9");
            for (int k = 0; k < HORIZON; k++) {
                assertTrue(low.get(k).asDouble() < high.get(k).asDouble(), "an interval: " + first);
            }
            float[] history = series.get(3).target();
            double level = Arrays.stream(new double[] {history[60], history[61], history[62]}).average().orElseThrow();
            assertTrue(Math.abs(first.path("mean").get(0).asDouble() - history[60]) < 0.5 * level,
                    "the forecast follows the series' season a year before: " + first);

            Http.Response bad = http.post("/v1/jobs/" + jobId + "/predict",
                    "{\"instances\": [{\"start\": \"2006-01-01 00:00:00\", \"target\": [1, 2], \"cat\": [4]}]}");
            assertEquals(400, bad.status(), bad.body().toString());
            assertTrue(bad.body().toString().contains("instances[0]"), bad.body().toString());
        }
    }

    private static String path(Path p) {
        return p.toString().replace("\\", "/");
    }
}
