package io.statewise.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node in its own JVM is killed with SIGKILL in the middle of a multi-epoch job, restarted on the same data
 * directory, and finishes the job with exactly the model of an uninterrupted run.
 */
@Tag("integration")
class CrashResumeTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killAll() {
        for (Process p : processes) p.destroyForcibly();
    }

    @Test
    void killedNodeResumesAndProducesTheUninterruptedModel() throws Exception {
        Path data = dir.resolve("blobs.csv");
        new GaussianBlobs(6, 8, 13L).writeCsv(data, 30_000, true);
        String spec = """
                {"algorithm":"kmeans","hyperparameters":{"k":6,"epochs":12,"mini_batch_size":500,"seed":21},
                 "train":{"paths":["%s"]},"parallelism":2,"split_size_bytes":60000}
                """.formatted(data.toString().replace("\\", "/"));
        Path dataDir = dir.resolve("node");

        Node first = startNode(dataDir);
        Http http = first.http();
        Http.Response submitted = http.post("/v1/jobs", spec);
        assertEquals(202, submitted.status(), submitted.body().toString());
        String jobId = submitted.body().path("job_id").asText();
        JsonNode before = awaitEpoch(http, jobId, 3);
        first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(before.path("epoch").asInt() < before.path("epochs").asInt(), "killed mid-training: " + before);

        Node second = startNode(dataDir);
        JsonNode resumed = second.http().awaitFinal(jobId, JOB_TIMEOUT);
        assertEquals("completed", resumed.path("phase").asText(), resumed.toString());
        assertEquals(12L * 30_000, resumed.path("records").asLong(), "every split merged once per epoch");
        JsonNode resumedModel = second.http().get("/v1/jobs/" + jobId + "/model").body().path("model");

        Http.Response again = second.http().post("/v1/jobs", spec);
        JsonNode uninterrupted = second.http().awaitFinal(again.body().path("job_id").asText(), JOB_TIMEOUT);
        assertEquals("completed", uninterrupted.path("phase").asText());
        JsonNode referenceModel = second.http()
                .get("/v1/jobs/" + again.body().path("job_id").asText() + "/model").body().path("model");
        assertEquals(referenceModel.path("centers"), resumedModel.path("centers"));
    }

    @Test
    void killedNodeResumesAParameterServerJobMidEpochWithoutApplyingAnySegmentTwice() throws Exception {
        Path train = dir.resolve("logistic.csv");
        writeLogistic(train, 20_000);
        String spec = """
                {"algorithm":"linear-learner","hyperparameters":{"predictor_type":"binary_classifier","epochs":8,
                 "mini_batch_size":100,"sync_every_batches":5,"num_models":8,"seed":3},
                 "train":{"paths":["%s"]},"test":{"paths":["%s"]},"parallelism":2,"split_size_bytes":40000}
                """.formatted(train.toString().replace("\\", "/"), train.toString().replace("\\", "/"));
        Path dataDir = dir.resolve("node");

        Node first = startNode(dataDir);
        Http.Response submitted = first.http().post("/v1/jobs", spec);
        assertEquals(202, submitted.status(), submitted.body().toString());
        String jobId = submitted.body().path("job_id").asText();
        JsonNode before = awaitEpoch(first.http(), jobId, 3);
        first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertEquals("training", before.path("phase").asText(), "killed mid-training: " + before);

        Node second = startNode(dataDir);
        JsonNode resumed = second.http().awaitFinal(jobId, JOB_TIMEOUT);
        assertEquals("completed", resumed.path("phase").asText(), resumed.toString());

        Http.Response again = second.http().post("/v1/jobs", spec);
        JsonNode uninterrupted = second.http().awaitFinal(again.body().path("job_id").asText(), JOB_TIMEOUT);
        assertEquals("completed", uninterrupted.path("phase").asText());
        // Asynchronous averaging makes the weights timing-dependent, but every segment of every split is applied
        // exactly once in both runs: the same records, and a model of the same quality.
        assertEquals(uninterrupted.path("records").asLong(), resumed.path("records").asLong());
        double resumedAccuracy = resumed.path("metrics").path("test_accuracy").asDouble();
        double referenceAccuracy = uninterrupted.path("metrics").path("test_accuracy").asDouble();
        assertTrue(resumedAccuracy > 0.75, "accuracy after resume " + resumedAccuracy);
        assertEquals(referenceAccuracy, resumedAccuracy, 0.02);
    }

    /** Binary labels from a logistic model with weights (2, -1, 0.5, 0) over standard normal features. */
    private static void writeLogistic(Path file, int rows) throws IOException {
        java.util.Random random = new java.util.Random(5);
        StringBuilder out = new StringBuilder();
        double[] w = {2, -1, 0.5, 0};
        for (int i = 0; i < rows; i++) {
            double z = 0;
            StringBuilder row = new StringBuilder();
            for (double wj : w) {
                double x = random.nextGaussian();
                z += wj * x;
                row.append(',').append(String.format(java.util.Locale.ROOT, "%.4f", x));
            }
            out.append(random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0).append(row).append('\n');
        }
        java.nio.file.Files.writeString(file, out);
    }

    private JsonNode awaitEpoch(Http http, String jobId, int epoch) throws Exception {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode s = http.get("/v1/jobs/" + jobId).body();
            if (s.path("epoch").asInt() >= epoch || !s.path("phase").asText().equals("training")) return s;
            Thread.sleep(10);
        }
        throw new AssertionError("job " + jobId + " never reached epoch " + epoch);
    }

    private record Node(Process process, Http http) {}

    private Node startNode(Path dataDir) throws Exception {
        int httpPort = freePort();
        int clusterPort = freePort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx512m", "-cp", classpath,
                "io.statewise.ops.cli.StatewiseCli", "node", "--data-dir", dataDir.toString(),
                "--http-port", Integer.toString(httpPort), "--port", Integer.toString(clusterPort))
                .redirectErrorStream(true);
        Process process = pb.start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("Statewise node up")) break;
            if (System.nanoTime() > deadline) break;
        }
        if (line == null || !line.startsWith("Statewise node up")) {
            throw new AssertionError("node did not start:\n" + seen);
        }
        Thread drain = new Thread(() -> drain(out), "drain-node-output");
        drain.setDaemon(true);
        drain.start();
        return new Node(process, new Http("http://127.0.0.1:" + httpPort));
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discard: the node logs to its data directory
            }
        } catch (IOException ignored) {
            // the process was killed
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
