package io.statewise.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statewise.actors.node.DataDirectories;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.ops.http.ApiRoutes;
import io.statewise.ops.http.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Records posted over HTTP into an online k-means job: one node with its HTTP API on 127.0.0.1, a CSV file of
 * {@code rows x dim} Gaussian blobs posted {@code requests} times with chunked transfer (the JDK client streams the
 * file), one request after the other, each acknowledged once its records are checkpointed. Prints one JSON line:
 * records per second over all requests (parse, fold, persist checkpoints, HTTP), and the times of finalizing the
 * model on demand and of closing the job.
 *
 * <p>Usage: {@code StatewiseOnlineBench --rows N --dim D --k K --requests R --work-dir DIR}
 */
public final class StatewiseOnlineBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatewiseOnlineBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path work = Files.createDirectories(Path.of(args.required("work-dir")).toAbsolutePath());
        long rows = args.getLong("rows", 1_000_000);
        int dim = args.getInt("dim", 10);
        int k = args.getInt("k", 10);
        int requests = args.getInt("requests", 3);
        Path csv = work.resolve("online-blobs-" + rows + "x" + dim + ".csv");
        if (!Files.exists(csv)) new GaussianBlobs(k, dim, 1.0, 42L).writeCsv(csv, rows, false);
        Path nodeDir = work.resolve("online-node");
        DataDirectories.delete(nodeDir);
        Json out = new Json().put("rows_per_request", rows).put("dim", dim).put("k", k).put("requests", requests)
                .put("bytes_per_request", Files.size(csv));
        try (StatewiseNode node = StatewiseNode.start(NodeSettings.standalone(nodeDir))) {
            InetSocketAddress address = HttpServer.start(node.system(), ApiRoutes.create(node), "127.0.0.1", 0)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            String base = "http://127.0.0.1:" + address.getPort() + "/v1/jobs";
            HttpClient client = HttpClient.newHttpClient();
            JsonNode submitted = send(client, HttpRequest.newBuilder(URI.create(base))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"algorithm":"kmeans","hyperparameters":{"k":%d,"seed":1},"mode":"online",
                             "train":{"features":%d,"label_column":"none"}}""".formatted(k, dim))).build());
            String jobs = base + "/" + submitted.path("job_id").asText();
            long checkpoints = 0;
            long t0 = System.nanoTime();
            for (int r = 0; r < requests; r++) {
                JsonNode accepted = send(client, HttpRequest.newBuilder(URI.create(jobs + "/records"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> open(csv))).build());
                checkpoints += accepted.path("checkpoints").asLong();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            send(client, HttpRequest.newBuilder(URI.create(jobs + "/model")).GET().build());
            double modelSeconds = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            JsonNode closed = send(client, HttpRequest.newBuilder(URI.create(jobs + "/close"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            double closeSeconds = (System.nanoTime() - t2) / 1e9;
            out.put("records", closed.path("records").asLong()).put("seconds", seconds)
                    .put("records_per_second", closed.path("records").asLong() / seconds)
                    .put("megabytes_per_second", requests * Files.size(csv) / 1e6 / seconds)
                    .put("checkpoints", checkpoints).put("model_seconds", modelSeconds)
                    .put("close_seconds", closeSeconds).put("phase", closed.path("phase").asText());
        }
        System.out.println(out);
        System.exit(0);
    }

    private static java.io.InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
