package io.statewise.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.ops.http.ApiRoutes;
import io.statewise.ops.http.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The neural topic model on raw text through a real node and the HTTP API: the job builds its vocabulary in a first
 * epoch, trains on two workers syncing through the job, ends each epoch on the validation documents, and serves
 * topics named by their words and topic proportions for new raw text.
 */
@Tag("integration")
class TopicModelEndToEndTest {

    @Test
    void learnsTopicsFromTextAndPredictsTopicProportionsForNewText(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("train.txt");
        Path validation = dir.resolve("validation.txt");
        TopicCorpus.write(train, 1_500, 1L);
        TopicCorpus.write(validation, 300, 2L);
        try (StatewiseNode node = StatewiseNode.start(NodeSettings.standalone(dir.resolve("node")))) {
            InetSocketAddress address = HttpServer.start(node.system(), ApiRoutes.create(node),
                    "127.0.0.1", 0).toCompletableFuture().get(30, TimeUnit.SECONDS);
            Http http = new Http("http://127.0.0.1:" + address.getPort());
            // One worker, so that the topics learned do not depend on timing: two workers apply each other's segments in
            // the order they arrive, and a run of this small corpus could then settle on merged topics. The two-worker
            // path is SegmentSyncTest's and CrashResumeTest's.
            String spec = """
                    {"algorithm":"ntm","hyperparameters":{"num_topics":3,"vocab_size":18,"epochs":80,
                      "mini_batch_size":50,"optimizer":"adam","learning_rate":0.01,"batch_norm":true,"seed":4},
                     "train":{"paths":["%s"],"format":"text"},"validation":{"paths":["%s"],"format":"text"},
                     "parallelism":1,"split_size_bytes":20000}
                    """.formatted(train.toString().replace("\\", "/"), validation.toString().replace("\\", "/"));
            String jobId = http.submit(spec);
            JsonNode done = http.awaitCompleted(jobId, Duration.ofSeconds(120));
            assertTrue(done.path("splits_total").asInt() > 2, "several splits, synced segment by segment: " + done);
            JsonNode epochs = done.path("epochs_completed");
            assertTrue(epochs.get(0).path("metrics").has("vocabulary_size"),
                    "epoch 1 builds the vocabulary: " + epochs);
            assertTrue(epochs.get(epochs.size() - 1).path("metrics").has("validation_loss"),
                    "training epochs are scored on the validation documents: " + epochs);

            JsonNode model = http.get("/v1/jobs/" + jobId + "/model").body().path("model");
            assertEquals(3, model.path("num_topics").asInt(), model.toString());
            assertEquals(18, model.path("feature_dim").asInt(), "the vocabulary's size: " + model);
            Set<Integer> matched = new HashSet<>();
            for (JsonNode topic : model.path("topics")) {
                for (int t = 0; t < TopicCorpus.TOPICS.size(); t++) {
                    int fromTopic = 0;
                    for (int w = 0; w < 5; w++) {
                        String term = topic.path("words").get(w).path("term").asText();
                        if (TopicCorpus.TOPICS.get(t).contains(term)) fromTopic++;
                    }
                    if (fromTopic >= 4) matched.add(t);
                }
            }
            assertEquals(Set.of(0, 1, 2), matched, "each true topic gives at least 4 of the top 5 words of one learned"
                    + " topic: " + model + " after " + epochs);

            Http.Response predicted = http.post("/v1/jobs/" + jobId + "/predict",
                    "{\"documents\":[\"An eagle and a falcon chased the sparrow.\", \"Piano, violin and cello!\"]}");
            assertEquals(200, predicted.status(), predicted.body().toString());
            JsonNode first = predicted.body().path("predictions").get(0);
            JsonNode second = predicted.body().path("predictions").get(1);
            double sum = 0;
            for (JsonNode p : first.path("proportions")) sum += p.asDouble();
            assertEquals(1.0, sum, 1e-6, "proportions of a mixture: " + first);
            assertTrue(first.path("top_topic").asInt() != second.path("top_topic").asInt(),
                    "birds and instruments fall into different topics: " + predicted.body());

            Http.Response numeric = http.post("/v1/jobs/" + jobId + "/predict", "{\"instances\":[[1,2]]}");
            assertEquals(400, numeric.status(), "an instance of the wrong dimension: " + numeric.body());
        }
    }
}
