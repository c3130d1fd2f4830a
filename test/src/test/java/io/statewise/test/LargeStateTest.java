package io.statewise.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.algorithms.State;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.algorithms.training.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * States of several megabytes cross nodes: a PCA job in regular mode over 1,500 features, whose every split partial
 * (the exact scatter matrix, d (d + 1) / 2 doubles) is over 8 MB, runs on a worker node while its job entity lives on
 * another node, so each partial travels between two JVMs (Artery's large-message channel, see statewise-node.conf).
 */
@Tag("integration")
class LargeStateTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final int FEATURES = 1_500;
    private static final int ROWS = 300;
    private static final int SPLITS = 3;
    private static final long EIGHT_MB = 8L << 20;

    @TempDir
    Path dir;
    @RegisterExtension
    final Nodes nodes = new Nodes();

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void pcaPartialsOfOverEightMegabytesTravelFromTheWorkerNodeToTheJobNode() throws Exception {
        Path data = dir.resolve("wide.csv");
        new GaussianBlobs(3, FEATURES, 5L).writeCsv(data, ROWS, true);
        Map<String, String> hp = Map.of("num_components", "3", "algorithm_mode", "regular");
        assertTrue(encodedPartialBytes(data, hp) > EIGHT_MB, "each split's partial is over 8 MB");

        // The owner hosts the job (role "jobs") but no worker; the other node hosts the only worker slot.
        ClusterNodes cluster = new ClusterNodes(nodes, dir, Map.of("STATEWISE_JOB_ROLE", "jobs"));
        NodeProcess jobNode = cluster.startOwner("api,jobs");
        NodeProcess workerNode = cluster.join("worker", "worker");
        String job = jobNode.http().submit("""
                {"algorithm":"pca","hyperparameters":{"num_components":3,"algorithm_mode":"regular"},
                 "train":{"paths":["%s"]},"parallelism":"auto","split_size_bytes":%d}
                """.formatted(data.toString().replace("\\", "/"), Files.size(data) / SPLITS + 1));
        JsonNode done = jobNode.http().awaitCompleted(job, JOB_TIMEOUT);

        assertEquals(ROWS, done.path("records").asLong());
        assertEquals(SPLITS, done.path("splits_total").asInt());
        assertEquals(SPLITS, ClusterNodes.splitsOn(done, workerNode), done.toString());
        assertEquals(SPLITS, ClusterNodes.splitsMerged(done), "every partial came from the worker node");
        assertEquals(jobNode, ClusterNodes.jobHost(jobNode, JOB_TIMEOUT, jobNode, workerNode), "the job's node");
        JsonNode components = jobNode.http().get("/v1/jobs/" + job + "/model").body().path("model")
                .path("components");
        assertEquals(3, components.size());
        assertEquals(FEATURES, components.get(0).size());
    }

    /** The encoded size of a partial over the whole file, as a worker would send it. */
    private static long encodedPartialBytes(Path data, Map<String, String> hp) throws Exception {
        Trainer trainer = Trainer.create("pca", hp);
        DataSchema schema = new DataSchema(FEATURES, true);
        State partial = trainer.trainSplit(trainer.emptyState(schema),
                new Split(0, data.toString(), 0, Files.size(data), false), CsvFormat.defaults(), schema, 0L, 0,
                new AtomicLong(), () -> false).partial();
        return trainer.encodeState(partial).length;
    }
}
