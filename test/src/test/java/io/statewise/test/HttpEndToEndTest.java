package io.statewise.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.algorithms.data.synthetic.LinearRows;
import io.statewise.ops.http.ApiRoutes;
import io.statewise.ops.http.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A real node (cluster, sharding, H2 file journal) behind the real HTTP API, driven over HTTP. */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEndToEndTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    private Path dir;
    private StatewiseNode node;
    private Http http;
    private Path train;
    private Path test;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        GaussianBlobs blobs = new GaussianBlobs(4, 3, 0.5, 11L);
        train = dir.resolve("train.csv");
        test = dir.resolve("test.csv");
        blobs.writeCsv(train, 20_000, true);
        blobs.writeCsv(test, 2_000, true);
        node = StatewiseNode.start(NodeSettings.standalone(dir.resolve("node")));
        InetSocketAddress address = HttpServer.start(node.system(), ApiRoutes.create(node),
                "127.0.0.1", 0).toCompletableFuture().get(30, TimeUnit.SECONDS);
        http = new Http("http://127.0.0.1:" + address.getPort());
    }

    @AfterAll
    void stop() {
        if (node != null) node.close();
    }

    private String spec(String k) {
        return """
                {"algorithm":"kmeans","hyperparameters":{"k":%s,"mini_batch_size":500,"seed":3},
                 "train":{"paths":["%s"]},"test":{"paths":["%s"]},"parallelism":2,"split_size_bytes":100000}
                """.formatted(k, train.toString().replace("\\", "/"), test.toString().replace("\\", "/"));
    }

    @Test
    void trainsInspectsAndPredictsOverHttp() throws Exception {
        Http.Response submitted = http.post("/v1/jobs", spec("4"));
        assertEquals(202, submitted.status(), submitted.body().toString());
        String jobId = submitted.body().path("job_id").asText();

        JsonNode done = http.awaitFinal(jobId, JOB_TIMEOUT);
        assertEquals("completed", done.path("phase").asText(), done.toString());
        assertEquals(20_000, done.path("records").asLong());
        assertEquals(done.path("splits_total").asInt(), done.path("splits_done").asInt());
        assertTrue(done.path("splits_total").asInt() > 2, "the file was cut into several splits");
        // Four well-separated unit blobs of stddev 0.5 in 3-D: mean squared distance close to 3 * 0.25.
        double msd = done.path("metrics").path("test_msd").asDouble();
        assertTrue(msd > 0.5 && msd < 1.0, "test msd " + msd);

        Http.Response model = http.get("/v1/jobs/" + jobId + "/model");
        assertEquals(200, model.status());
        assertEquals(4, model.body().path("model").path("centers").size(), model.body().toString());

        Http.Response predicted = http.post("/v1/jobs/" + jobId + "/predict", "{\"instances\":[[0,0,0],[1,2,3]]}");
        assertEquals(200, predicted.status(), predicted.body().toString());
        assertEquals(2, predicted.body().path("predictions").size());

        Http.Response list = http.get("/v1/jobs");
        assertEquals(200, list.status());
        boolean listed = false;
        for (JsonNode j : list.body().path("jobs")) listed |= j.path("job_id").asText().equals(jobId);
        assertTrue(listed, "the job is listed: " + list.body());
    }

    @Test
    void trainsPcaAndExportsComponentsAndExplainedVariance() throws Exception {
        String spec = """
                {"algorithm":"pca","hyperparameters":{"num_components":2,"algorithm_mode":"regular"},
                 "train":{"paths":["%s"]},"test":{"paths":["%s"]},"parallelism":2,"split_size_bytes":100000}
                """.formatted(train.toString().replace("\\", "/"), test.toString().replace("\\", "/"));
        Http.Response submitted = http.post("/v1/jobs", spec);
        assertEquals(202, submitted.status(), submitted.body().toString());
        String jobId = submitted.body().path("job_id").asText();
        JsonNode done = http.awaitFinal(jobId, JOB_TIMEOUT);
        assertEquals("completed", done.path("phase").asText(), done.toString());
        assertEquals(20_000, done.path("records").asLong());

        JsonNode model = http.get("/v1/jobs/" + jobId + "/model").body().path("model");
        assertEquals(2, model.path("components").size(), model.toString());
        assertEquals(3, model.path("components").get(0).size());
        JsonNode variance = model.path("explained_variance");
        assertEquals(2, variance.size(), model.toString());
        assertTrue(variance.get(0).asDouble() >= variance.get(1).asDouble(), "sorted by variance: " + variance);
        double ratio = model.path("explained_variance_ratio").get(0).asDouble()
                + model.path("explained_variance_ratio").get(1).asDouble();
        assertTrue(ratio > 0.5 && ratio <= 1.0 + 1e-9, "two of three dimensions of four blobs: " + ratio);
        assertTrue(done.path("metrics").has("test_reconstruction_mse"), done.toString());

        Http.Response projected = http.post("/v1/jobs/" + jobId + "/predict", "{\"instances\":[[0,0,0]]}");
        assertEquals(200, projected.status(), projected.body().toString());
        assertEquals(2, projected.body().path("predictions").get(0).path("coordinates").size());
    }

    @Test
    void trainsALinearLearnerWithParameterServerSyncs() throws Exception {
        Path logisticTrain = dir.resolve("logistic-train.csv");
        Path logisticTest = dir.resolve("logistic-test.csv");
        Path logisticValidation = dir.resolve("logistic-validation.csv");
        LinearRows logistic = new LinearRows(LinearRows.Kind.BINARY, 4, 0, 2.5, 1L);
        logistic.writeCsv(logisticTrain, 6_000);
        logistic.writeCsv(logisticValidation, 2_000);
        logistic.writeCsv(logisticTest, 2_000);
        String spec = """
                {"algorithm":"linear-learner","hyperparameters":{"predictor_type":"binary_classifier","epochs":3,
                 "mini_batch_size":100,"sync_every_batches":5,"num_models":4,"seed":7},
                 "train":{"paths":["%s"]},"validation":{"paths":["%s"]},"test":{"paths":["%s"]},
                 "parallelism":2,"split_size_bytes":60000}
                """.formatted(logisticTrain.toString().replace("\\", "/"),
                        logisticValidation.toString().replace("\\", "/"), logisticTest.toString().replace("\\", "/"));
        Http.Response submitted = http.post("/v1/jobs", spec);
        assertEquals(202, submitted.status(), submitted.body().toString());
        JsonNode done = http.awaitFinal(submitted.body().path("job_id").asText(), JOB_TIMEOUT);
        assertEquals("completed", done.path("phase").asText(), done.toString());
        assertEquals(4, done.path("epochs").asInt(), "the scaler pass and three training epochs");
        double accuracy = done.path("metrics").path("test_accuracy").asDouble();
        // Labels come from a logistic model whose scores have standard deviation 2.5: its Bayes accuracy is about
        // 0.81.
        assertTrue(accuracy > 0.75, "test accuracy " + accuracy + " in " + done);
        assertTrue(done.path("metrics").path("validation_accuracy").asDouble() > 0.75,
                "the model was chosen on validation data and evaluated on it: " + done);
        JsonNode epochs = done.path("epochs_completed");
        assertEquals(4, epochs.size(), "one report per epoch: " + epochs);
        for (int e = 1; e < 4; e++) {
            assertEquals(e + 1, epochs.get(e).path("epoch").asInt());
            assertTrue(epochs.get(e).path("metrics").path("validation_loss").asDouble() > 0,
                    "each training epoch scored on validation data: " + epochs);
        }
    }

    @Test
    void badRequestsGetJsonErrorsThatSayWhatAndWhere() throws Exception {
        Http.Response malformed = http.post("/v1/jobs", "{\"algorithm\": \"kmeans\", ");
        assertEquals(400, malformed.status());
        assertTrue(malformed.body().path("error").asText().contains("line"), malformed.body().toString());

        Http.Response unknown = http.post("/v1/jobs", spec("4").replace("\"kmeans\"", "\"kmedoids\""));
        assertEquals(400, unknown.status());
        assertEquals("algorithm", unknown.body().path("field").asText(), unknown.body().toString());

        Http.Response badK = http.post("/v1/jobs", spec("0"));
        assertEquals(400, badK.status());
        assertEquals("hyperparameters.k", badK.body().path("field").asText(), badK.body().toString());

        Http.Response missing = http.post("/v1/jobs", spec("4").replace(train.toString().replace("\\", "/"),
                dir.resolve("nope.csv").toString().replace("\\", "/")));
        assertEquals(400, missing.status());
        assertTrue(missing.body().path("error").asText().contains("nope.csv"), missing.body().toString());

        assertEquals(404, http.get("/v1/jobs/kmeans-000000000000").status());
        assertEquals(404, http.get("/v1/jobs/kmeans-000000000000/model").status());
    }

    /**
     * Three clusters in 60 dimensions, each record non-zero on 5 features of its cluster's block only, with 1-based
     * LibSVM indices, comments and a qid.
     */
    private Path writeSparseClusters(String name, int records) throws Exception {
        Random random = new Random(17);
        StringBuilder text = new StringBuilder("# three sparse clusters\n");
        for (int i = 0; i < records; i++) {
            int cluster = i % 3;
            text.append(cluster).append(i % 7 == 0 ? " qid:1" : "");
            for (int t = 0; t < 5; t++) {
                float value = (float) (5 + 0.1 * random.nextGaussian());
                text.append(' ').append(cluster * 20 + 2 * t + 1).append(':').append(value);
            }
            text.append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String sparseSpec(String trainInput, String testInput) {
        return """
                {"algorithm":"kmeans","hyperparameters":{"k":3,"mini_batch_size":200,"seed":5},
                 "train":%s,"test":%s,"parallelism":2,"split_size_bytes":40000}
                """.formatted(trainInput, testInput);
    }

    @Test
    void trainsKMeansOnSparseLibSvmData() throws Exception {
        String svm = writeSparseClusters("sparse.svm", 3_000).toString().replace("\\", "/");
        String sparseInput = "{\"paths\":[\"%s\"],\"format\":\"libsvm\",\"features\":60}".formatted(svm);
        String spec = sparseSpec(sparseInput, sparseInput);
        Http.Response submitted = http.post("/v1/jobs", spec);
        assertEquals(202, submitted.status(), submitted.body().toString());
        JsonNode done = http.awaitFinal(submitted.body().path("job_id").asText(), JOB_TIMEOUT);
        assertEquals("completed", done.path("phase").asText(), done.toString());
        assertEquals(3_000, done.path("records").asLong());
        assertTrue(done.path("splits_total").asInt() > 2, "the file was cut into several splits");
        // Each record is 5 coordinates of stddev 0.1 around its cluster's center: msd close to 5 * 0.01.
        double msd = done.path("metrics").path("test_msd").asDouble();
        assertTrue(msd > 0.02 && msd < 0.1, "test msd " + msd);

        Http.Response model = http.get("/v1/jobs/" + done.path("job_id").asText() + "/model");
        JsonNode centers = model.body().path("model").path("centers");
        assertEquals(3, centers.size(), model.body().toString());
        assertEquals(60, centers.get(0).size());

        Http.Response noFeatures = http.post("/v1/jobs",
                sparseSpec(sparseInput.replace(",\"features\":60", ""), sparseInput));
        assertEquals(400, noFeatures.status());
        assertEquals("train.features", noFeatures.body().path("field").asText(), noFeatures.body().toString());
        String csvInput = "{\"paths\":[\"%s\"]}".formatted(test.toString().replace("\\", "/"));
        Http.Response mixed = http.post("/v1/jobs", sparseSpec(sparseInput, csvInput));
        assertEquals(400, mixed.status());
        assertEquals("test.format", mixed.body().path("field").asText(), mixed.body().toString());
    }

    @Test
    void malformedRowFailsTheJobNamingFileLineAndColumn() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "0,1.0,2.0,3.0\n1,1.5,oops,2.0\n");
        String spec = """
                {"algorithm":"kmeans","hyperparameters":{"k":1},"train":{"paths":["%s"]}}
                """.formatted(bad.toString().replace("\\", "/"));
        Http.Response submitted = http.post("/v1/jobs", spec);
        assertEquals(202, submitted.status(), submitted.body().toString());
        JsonNode done = http.awaitFinal(submitted.body().path("job_id").asText(), JOB_TIMEOUT);
        assertEquals("failed", done.path("phase").asText());
        String error = done.path("error").asText();
        assertTrue(error.contains("bad.csv:2:3"), error);
    }

    @Test
    void malformedLibSvmRowFailsTheJobNamingFileLineAndByteColumn() throws Exception {
        Path bad = dir.resolve("bad.svm");
        Files.writeString(bad, "0 1:1.0 2:2.0\n1 3:1.5 2:2.0\n");
        String spec = """
                {"algorithm":"kmeans","hyperparameters":{"k":1},
                 "train":{"paths":["%s"],"format":"libsvm","features":3}}
                """.formatted(bad.toString().replace("\\", "/"));
        Http.Response submitted = http.post("/v1/jobs", spec);
        assertEquals(202, submitted.status(), submitted.body().toString());
        JsonNode done = http.awaitFinal(submitted.body().path("job_id").asText(), JOB_TIMEOUT);
        assertEquals("failed", done.path("phase").asText());
        String error = done.path("error").asText();
        assertTrue(error.contains("bad.svm:2:9: feature indices must be strictly increasing: 2 after 3"), error);
    }

    @Test
    void buildsAVocabularyFromTextLinesOverHttp() throws Exception {
        Path lines = dir.resolve("posts.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append("The elastic runtime merges states");
            if (i % 2 == 0) text.append(", and workers read splits");
            if (i % 3 == 0) text.append("; vocabulary passes count documents");
            text.append(i % 5 == 0 ? ".\n\n" : ".\n"); // blank lines are empty documents, skipped
        }
        Files.writeString(lines, text);
        String path = lines.toString().replace("\\", "/");
        String spec = """
                {"algorithm":"vocabulary","hyperparameters":{"vocab_size":6},
                 "train":{"paths":["%s"],"format":"text","text":{"min_token_length":3}},
                 "parallelism":2,"split_size_bytes":400}
                """.formatted(path);
        Http.Response submitted = http.post("/v1/jobs", spec);
        assertEquals(202, submitted.status(), submitted.body().toString());
        String jobId = submitted.body().path("job_id").asText();
        JsonNode done = http.awaitFinal(jobId, JOB_TIMEOUT);
        assertEquals("completed", done.path("phase").asText(), done.toString());
        assertEquals(60, done.path("records").asLong(), "one document per non-blank line");
        assertTrue(done.path("splits_total").asInt() > 2, "the file was cut into several splits");

        JsonNode model = http.get("/v1/jobs/" + jobId + "/model").body().path("model");
        assertEquals(60, model.path("documents").asLong(), model.toString());
        assertEquals(0, model.path("max_error").asLong());
        List<String> top = new ArrayList<>();
        for (JsonNode term : model.path("terms")) top.add(term.path("term").asText());
        assertEquals(List.of("elastic", "merges", "runtime", "states", "read", "splits"), top,
                "in every document, then every other ('and' is a stop word), ties by bytes");
        assertEquals(60, model.path("terms").get(0).path("document_frequency").asLong());
        assertEquals(30, model.path("terms").get(5).path("document_frequency").asLong());

        Http.Response predicted = http.post("/v1/jobs/" + jobId + "/predict", "{\"instances\":[[0,0,0,0,0,0]]}");
        assertEquals(400, predicted.status(), "a vocabulary does not predict: " + predicted.body());

        Http.Response wrongAlgorithm = http.post("/v1/jobs", """
                {"algorithm":"kmeans","hyperparameters":{"k":2},"train":{"paths":["%s"],"format":"text"}}
                """.formatted(path));
        assertEquals(400, wrongAlgorithm.status());
        assertEquals("train.format", wrongAlgorithm.body().path("field").asText(), wrongAlgorithm.body().toString());
    }
}
