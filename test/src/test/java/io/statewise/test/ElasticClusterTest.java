package io.statewise.test;

import static io.statewise.test.ClusterNodes.awaitSplitsOn;
import static io.statewise.test.ClusterNodes.splitsMerged;
import static io.statewise.test.ClusterNodes.splitsOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elastic training on a cluster of node JVMs (see {@link ClusterNodes}): jobs with {@code parallelism: auto} survive
 * the loss of a worker node and of the node hosting the job entity, and use a node that joins mid-job, merging every
 * split exactly once and producing the model of an undisturbed run.
 *
 * <p>Sizes: the figures speak of 1,000,000 rows; these tests use 30,000 rows (k-means over 6 epochs; PCA in
 * one pass over small splits) so that each stays near a minute on two cores while the kill still falls mid-job.
 */
@Tag("integration")
class ElasticClusterTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final int ROWS = 30_000;
    private static final int EPOCHS = 6;
    private static final long KMEANS_SPLIT_BYTES = 60_000;
    private static final long PCA_SPLIT_BYTES = 8_000;

    /** The most bytes a split of nominal size {@code bytes} holds: it ends at the end of a line, past its size. */
    private static long splitBound(long bytes) {
        return bytes + bytes / 10;
    }
    /** Epochs of a job that must outlast a partition's resolution. */
    private static final int LONG_EPOCHS = 30;
    /** Epochs of a job that must outlast a node's start by far. */
    private static final int ENDLESS_EPOCHS = 10_000;
    /** Job entities only on nodes with the role "jobs" (the same setting on every node). */
    private static final Map<String, String> JOB_ROLE = Map.of("STATEWISE_JOB_ROLE", "jobs");
    /** The bound on the time from kill -9 of a worker node to its splits being handed to other nodes. */
    private static final Duration RECOVERY = Duration.ofSeconds(15);
    /**
     * The bound on the time from kill -9 of a job's node to the job recovered on another: failure detection (about
     * 4.5 s), the split-brain resolver's stable-after (4 s), removal (1 s) and down-removal-margin (3 s), the first
     * message a region delivers (sharding retry-interval, 1 s) and the recovery; about 13.5 s, with room for a loaded
     * machine.
     */
    private static final Duration JOB_RECOVERY = Duration.ofSeconds(25);
    /** The k-means SSE of a disturbed run may differ from an undisturbed one by this much (relative). */
    private static final double SSE_TOLERANCE = 1e-3;

    @TempDir
    Path dir;
    @RegisterExtension
    final Nodes nodes = new Nodes();

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void killedWorkerNodeLosesNoSplitAndChangesNoModel() throws Exception {
        Path blobs = blobs();
        ClusterNodes cluster = new ClusterNodes(nodes, dir, JOB_ROLE);
        ClusterNodes.Three three = cluster.startThree("api,jobs", "worker");
        NodeProcess api = three.owner();
        NodeProcess doomed = three.b();
        NodeProcess survivor = three.c();
        String kmeans = api.http().submit(kmeansSpec(blobs));
        String pca = api.http().submit(pcaSpec(blobs));

        JsonNode pcaAtKill = awaitSplitsOn(api, pca, doomed, 3, JOB_TIMEOUT);
        Instant killedAt = Instant.now();
        doomed.kill();
        JsonNode kmeansAtKill = api.http().get("/v1/jobs/" + kmeans).body();
        assertTrue(pcaAtKill.path("splits_done").asInt() < pcaAtKill.path("splits_total").asInt(), "PCA mid-job");
        assertEquals("training", kmeansAtKill.path("phase").asText(), ClusterNodes.brief(kmeansAtKill));

        JsonNode kmeansDone = api.http().awaitCompleted(kmeans, JOB_TIMEOUT);
        JsonNode pcaDone = api.http().awaitCompleted(pca, JOB_TIMEOUT);
        assertEachSplitMergedOnce(kmeansDone, EPOCHS);
        assertEachSplitMergedOnce(pcaDone, 1);
        assertTrue(splitsOn(pcaDone, survivor) > splitsOn(pcaAtKill, survivor), "the survivor took over");
        Duration requeued = cluster.loggedAfter("owner", "splits of unreachable nodes", killedAt);
        System.out.println("ElasticClusterTest: splits re-queued " + requeued.toMillis() + " ms after kill -9");
        assertTrue(requeued.compareTo(RECOVERY) < 0, "the lost node's splits re-queued after " + requeued);
        // Lost work: the split each job had in work on the dead node (one held ahead does not count: it was not read),
        // and one more if the shrink stopped a live slot.
        long reread = kmeansDone.path("bytes_reread").asLong() + pcaDone.path("bytes_reread").asLong();
        assertTrue(reread > 0, "the dead node's splits were read again");
        assertTrue(kmeansDone.path("bytes_reread").asLong() <= 2 * splitBound(KMEANS_SPLIT_BYTES),
                ClusterNodes.brief(kmeansDone));
        assertTrue(pcaDone.path("bytes_reread").asLong() <= 2 * splitBound(PCA_SPLIT_BYTES),
                ClusterNodes.brief(pcaDone));

        // The same jobs, undisturbed, on what is left of the cluster.
        JsonNode kmeansAgain = api.http().awaitCompleted(api.http().submit(kmeansSpec(blobs)), JOB_TIMEOUT);
        JsonNode pcaAgain = api.http().awaitCompleted(api.http().submit(pcaSpec(blobs)), JOB_TIMEOUT);
        assertEquals(model(api, pcaAgain), model(api, pcaDone), "PCA (regular) model as undisturbed");
        double sse = kmeansDone.path("metrics").path("test_ssd").asDouble();
        double reference = kmeansAgain.path("metrics").path("test_ssd").asDouble();
        assertEquals(reference, sse, SSE_TOLERANCE * reference, "k-means SSE as undisturbed");
        assertEquals(model(api, kmeansAgain), model(api, kmeansDone), "partials fold in split order: same centers");
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void killedJobNodeRestartsTheJobElsewhereFromTheJournal() throws Exception {
        Path blobs = blobs();
        // The owner serves the journal and the API but hosts no job, so the job's node can be killed.
        ClusterNodes cluster = new ClusterNodes(nodes, dir, JOB_ROLE);
        ClusterNodes.Three three = cluster.startThree("api", "worker,jobs");
        NodeProcess api = three.owner();
        String job = api.http().submit(kmeansSpec(blobs));
        JsonNode atKill = api.http().awaitEpoch(job, 2, JOB_TIMEOUT);
        NodeProcess host = ClusterNodes.jobHost(api, JOB_TIMEOUT, three.b(), three.c());
        NodeProcess survivor = host == three.b() ? three.c() : three.b();
        Instant killedAt = Instant.now();
        host.kill();
        assertEquals("training", atKill.path("phase").asText(), ClusterNodes.brief(atKill));

        JsonNode done = api.http().awaitCompleted(job, JOB_TIMEOUT);
        assertEachSplitMergedOnce(done, EPOCHS);
        assertEquals(survivor, ClusterNodes.jobHost(api, JOB_TIMEOUT, survivor), "the job moved to the survivor");
        Duration recovered = cluster.loggedAfter(survivor == three.b() ? "b" : "c", "recovered at epoch", killedAt);
        System.out.println("ElasticClusterTest: job recovered on another node " + recovered.toMillis()
                + " ms after kill -9");
        assertTrue(recovered.compareTo(JOB_RECOVERY) < 0, "the job recovered on the survivor after " + recovered);
        JsonNode again = api.http().awaitCompleted(api.http().submit(kmeansSpec(blobs)), JOB_TIMEOUT);
        assertEquals(model(api, again), model(api, done), "the recovered job's model is the undisturbed one");
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void fourthNodeJoiningMidJobReceivesSplits() throws Exception {
        Path blobs = blobs();
        ClusterNodes cluster = new ClusterNodes(nodes, dir, Map.of());
        NodeProcess api = cluster.startThree("api", "worker").owner();
        // A job far longer than a node's start, so that the node surely joins it mid-way; cancelled once it has.
        String job = api.http().submit(kmeansSpec(blobs, ENDLESS_EPOCHS));
        JsonNode before = api.http().awaitEpoch(job, 2, JOB_TIMEOUT);
        NodeProcess late = cluster.join("d", "worker");

        JsonNode joined = awaitSplitsOn(api, job, late, 3, JOB_TIMEOUT);
        assertEquals(0, splitsOn(before, late), "the job started before the node");
        assertEquals("training", joined.path("phase").asText(), ClusterNodes.brief(joined));
        assertEquals((long) (joined.path("epoch").asInt() - 1) * joined.path("splits_total").asInt()
                + joined.path("splits_done").asInt(), splitsMerged(joined), "each merged split counted once");
        JsonNode members = api.http().get("/v1/cluster").body().path("members");
        assertEquals(4, members.size(), members.toString());
        assertEquals("cancelled", api.http().delete("/v1/jobs/" + job).body().path("phase").asText());
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void wholeClusterKilledMidJobResumesWithoutRereadingMergedSplits() throws Exception {
        Path blobs = blobs();
        ClusterNodes cluster = new ClusterNodes(nodes, dir, Map.of());
        ClusterNodes.Three first = cluster.startThree("api,worker", "worker");
        String job = first.owner().http().submit(kmeansSpec(blobs));
        JsonNode atKill = first.owner().http().awaitEpoch(job, 3, JOB_TIMEOUT);
        first.c().kill();
        first.b().kill();
        first.owner().kill();
        assertEquals("training", atKill.path("phase").asText(), ClusterNodes.brief(atKill));

        NodeProcess api = cluster.startThree("api,worker", "worker").owner();
        JsonNode done = api.http().awaitCompleted(job, JOB_TIMEOUT);
        assertEachSplitMergedOnce(done, EPOCHS);
        // After the restart the job reads only what its journal does not cover (give or take the splits merged
        // between the last status and the kill, and one re-read split per slot).
        long splits = (long) EPOCHS * done.path("splits_total").asInt();
        long bytes = EPOCHS * Files.size(blobs);
        long unmergedAtKill = bytes * (splits - splitsMerged(atKill)) / splits;
        long readAfter = done.path("bytes_read").asLong();
        assertTrue(readAfter > 0 && readAfter <= unmergedAtKill + 3 * KMEANS_SPLIT_BYTES,
                "read " + readAfter + " bytes after the restart; " + unmergedAtKill + " were not merged at the kill");
        JsonNode again = api.http().awaitCompleted(api.http().submit(kmeansSpec(blobs)), JOB_TIMEOUT);
        assertEquals(model(api, again), model(api, done), "the resumed job's model is the undisturbed one");
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void partitionedWorkerNodeDownsItselfAndTheJobLosesNoSplit() throws Exception {
        Path blobs = blobs();
        ClusterNodes cluster = new ClusterNodes(nodes, dir, JOB_ROLE);
        NodeProcess api = cluster.startOwner("api,jobs");
        cluster.join("b", "worker");
        // The third node advertises a proxy's port as its cluster address and binds another: cutting the proxy cuts
        // every connection into it, a partition of one node against two.
        int bindPort = NodeProcess.freePort();
        try (TcpProxy proxy = TcpProxy.start(bindPort)) {
            NodeProcess isolated = cluster.join("c", "worker", Map.of("JAVA_TOOL_OPTIONS", "-Dstatewise.node.port="
                    + proxy.port() + " -Dpekko.remote.artery.bind.port=" + bindPort));
            String job = api.http().submit(kmeansSpec(blobs, LONG_EPOCHS));
            awaitSplitsOn(api, job, isolated, 3, JOB_TIMEOUT);
            proxy.cut();

            assertTrue(isolated.process().waitFor(60, TimeUnit.SECONDS), "the minority side downed itself");
            assertTrue(isolated.process().exitValue() != 0, "and says it was removed");
            JsonNode done = api.http().awaitCompleted(job, JOB_TIMEOUT);
            assertEachSplitMergedOnce(done, LONG_EPOCHS);
            JsonNode members = api.http().get("/v1/cluster").body().path("members");
            assertEquals(2, members.size(), "the majority stays up without the isolated node: " + members);
        }
    }

    /** Every split of every epoch merged exactly once: the records and the per-node split counts add up. */
    private static void assertEachSplitMergedOnce(JsonNode status, int epochs) {
        assertEquals((long) ROWS * epochs, status.path("records").asLong(), ClusterNodes.brief(status));
        assertEquals((long) status.path("splits_total").asInt() * epochs, splitsMerged(status),
                ClusterNodes.brief(status));
    }

    private static JsonNode model(NodeProcess api, JsonNode status) throws Exception {
        return api.http().get("/v1/jobs/" + status.path("job_id").asText() + "/model").body().path("model");
    }

    private Path blobs() throws Exception {
        Path data = dir.resolve("blobs.csv");
        new GaussianBlobs(6, 8, 13L).writeCsv(data, ROWS, true);
        return data;
    }

    private static String kmeansSpec(Path data) {
        return kmeansSpec(data, EPOCHS);
    }

    private static String kmeansSpec(Path data, int epochs) {
        String path = data.toString().replace("\\", "/");
        return """
                {"algorithm":"kmeans","hyperparameters":{"k":6,"epochs":%d,"mini_batch_size":500,"seed":21,
                  "eval_metrics":"msd,ssd"},
                 "train":{"paths":["%s"]},"test":{"paths":["%s"]},"parallelism":"auto","split_size_bytes":%d}
                """.formatted(epochs, path, path, KMEANS_SPLIT_BYTES);
    }

    private static String pcaSpec(Path data) {
        return """
                {"algorithm":"pca","hyperparameters":{"num_components":3,"algorithm_mode":"regular",
                  "mini_batch_size":200},
                 "train":{"paths":["%s"]},"parallelism":"auto","split_size_bytes":%d}
                """.formatted(data.toString().replace("\\", "/"), PCA_SPLIT_BYTES);
    }
}
