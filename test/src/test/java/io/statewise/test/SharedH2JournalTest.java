package io.statewise.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-node cluster on one machine with one H2 journal: the first node owns the file and serves it over H2's TCP
 * server ({@code --serve-journal}), the second joins the cluster and reaches the journal through it
 * ({@code --journal-url jdbc:h2:tcp://...}). Jobs submitted to either node are listed and served by both.
 */
@Tag("integration")
class SharedH2JournalTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dir;
    @RegisterExtension
    final Nodes nodes = new Nodes();

    @Test
    void secondNodeWorksOnTheFirstNodesJournalOverTcp() throws Exception {
        Path data = dir.resolve("blobs.csv");
        new GaussianBlobs(4, 5, 17L).writeCsv(data, 20_000, true);
        String spec = KMeansJobs.spec(data, 4, 2, 5, 4, 40_000);
        int journalPort = NodeProcess.freePort();
        String journalUrl = "jdbc:h2:tcp://127.0.0.1:" + journalPort + "/journal";

        NodeProcess owner = nodes.start(dir.resolve("owner"), Map.of(),
                "--serve-journal", "127.0.0.1:" + journalPort);
        assertTrue(owner.upLine().endsWith("journal served at " + journalUrl), owner.upLine());
        String firstJob = owner.http().submit(spec);
        JsonNode firstDone = owner.http().awaitCompleted(firstJob, JOB_TIMEOUT);

        NodeProcess joiner = nodes.start(dir.resolve("joiner"), Map.of(),
                "--seed", "127.0.0.1:" + owner.clusterPort(), "--journal-url", journalUrl);
        assertFalse(Files.exists(dir.resolve("joiner").resolve("journal.mv.db")), "the joiner has no journal file");
        // The joiner's read journal (the job list) goes through the TCP server.
        assertTrue(joiner.http().lists(firstJob), "the joiner lists the owner's job");
        assertEquals(owner.http().get("/v1/jobs/" + firstJob + "/model").body(),
                joiner.http().get("/v1/jobs/" + firstJob + "/model").body());

        // A job submitted to the joiner runs on the cluster and is journaled in the owner's file.
        String secondJob = joiner.http().submit(spec);
        JsonNode secondDone = joiner.http().awaitCompleted(secondJob, JOB_TIMEOUT);
        assertEquals(2L * 20_000, secondDone.path("records").asLong());
        assertTrue(owner.http().lists(secondJob), "the owner lists the joiner's job");
        assertEquals(firstDone.path("records"), secondDone.path("records"));

        // Both nodes are members, up and reachable, as either node sees them.
        JsonNode cluster = joiner.http().get("/v1/cluster").body();
        assertEquals(2, cluster.path("members").size(), cluster.toString());
        for (JsonNode member : cluster.path("members")) {
            assertEquals("up", member.path("status").asText(), cluster.toString());
            assertTrue(member.path("reachable").asBoolean(), cluster.toString());
        }
        assertEquals(cluster.path("leader"), owner.http().get("/v1/cluster").body().path("leader"));
    }
}
