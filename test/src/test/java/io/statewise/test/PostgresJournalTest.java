package io.statewise.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.persistence.JournalConnection;
import io.statewise.persistence.JournalDatabase;
import io.statewise.persistence.JournalProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes in their own JVMs with the {@code postgres} journal profile against a real PostgreSQL server (see
 * {@link TestPostgres}): a job's events, snapshots and model live in PostgreSQL, so a node on a fresh data directory
 * sees them after a restart, and a node killed mid-job resumes it from there.
 */
@Tag("integration")
class PostgresJournalTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dir;
    @RegisterExtension
    final Nodes nodes = new Nodes();

    private NodeProcess node(String dataDir, TestPostgres pg) throws Exception {
        return nodes.start(dir.resolve(dataDir), pg.nodeEnv(), "--journal", "postgres");
    }

    private String kmeansSpec(int rows, int epochs, long seed) throws Exception {
        Path data = dir.resolve("blobs-" + rows + ".csv");
        if (!Files.exists(data)) new GaussianBlobs(5, 6, seed).writeCsv(data, rows, true);
        return KMeansJobs.spec(data, 5, epochs, seed, 2, 60_000);
    }

    private static JsonNode centers(Http http, String jobId) throws Exception {
        Http.Response model = http.get("/v1/jobs/" + jobId + "/model");
        assertEquals(200, model.status(), model.body().toString());
        return model.body().path("model").path("centers");
    }

    @Test
    void jobAndModelOutliveTheNodeInPostgres() throws Exception {
        TestPostgres pg = TestPostgres.require().inFreshSchema();
        String spec = kmeansSpec(20_000, 2, 4L);

        NodeProcess first = node("first", pg);
        String jobId = first.http().submit(spec);
        JsonNode done = first.http().awaitCompleted(jobId, JOB_TIMEOUT);
        assertEquals(2L * 20_000, done.path("records").asLong());
        JsonNode model = centers(first.http(), jobId);
        assertEquals(5, model.size(), model.toString());
        assertTrue(eventsInPostgres(pg, jobId) > 0, "the job's events are rows of event_journal in PostgreSQL");
        first.stop();
        assertFalse(Files.exists(dir.resolve("first").resolve("journal.mv.db")), "no H2 file was used");

        // A node on a new data directory: everything it knows comes from PostgreSQL.
        NodeProcess second = node("second", pg);
        JsonNode again = second.http().get("/v1/jobs/" + jobId).body();
        assertEquals("completed", again.path("phase").asText(), again.toString());
        assertEquals(done.path("records"), again.path("records"));
        assertEquals(model, centers(second.http(), jobId));
        assertTrue(second.http().lists(jobId), "the restarted node lists the job from the journal");
    }

    @Test
    void killedNodeResumesFromPostgresWithTheUninterruptedModel() throws Exception {
        TestPostgres pg = TestPostgres.require().inFreshSchema();
        String spec = kmeansSpec(20_000, 8, 9L);

        NodeProcess first = node("first", pg);
        String jobId = first.http().submit(spec);
        JsonNode before = first.http().awaitEpoch(jobId, 2, JOB_TIMEOUT);
        first.kill();
        assertTrue(before.path("epoch").asInt() < 8, "killed mid-training: " + before);

        NodeProcess second = node("second", pg);
        JsonNode resumed = second.http().awaitCompleted(jobId, JOB_TIMEOUT);
        assertEquals(8L * 20_000, resumed.path("records").asLong(), "every split merged once per epoch");
        String reference = second.http().submit(spec);
        second.http().awaitCompleted(reference, JOB_TIMEOUT);
        assertEquals(centers(second.http(), reference), centers(second.http(), jobId));
    }

    @Test
    void schemaCreationIsSafeWhenNodesStartTogether() throws Exception {
        TestPostgres pg = TestPostgres.require().inFreshSchema();
        JournalConnection journal = JournalConnection.of(JournalProfile.POSTGRES, pg.url(), pg.user(),
                pg.password(), dir);
        int nodes = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                starts.add(pool.submit(() -> {
                    go.await();
                    JournalDatabase.prepare(journal);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : starts) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        JournalDatabase.prepare(journal);
        try (Connection c = pg.connect();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM information_schema.tables "
                     + "WHERE table_schema = current_schema() AND table_name IN "
                     + "('event_journal', 'event_tag', 'snapshot', 'durable_state')");
             ResultSet rs = q.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(4, rs.getInt(1));
        }
    }

    @Test
    void unreachableDatabaseFailsTheStartSayingWhereAndWhat() throws Exception {
        int port = NodeProcess.freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/statewise";
        NodeProcess.Failure failed = NodeProcess.startExpectingFailure(dir.resolve("node"),
                Map.of("STATEWISE_JDBC_URL", url, "STATEWISE_JDBC_PASSWORD", "never-printed"),
                "--journal", "postgres", "--journal-user", "statewise");
        assertEquals(1, failed.exitCode(), failed.output());
        assertTrue(failed.output().contains("statewise: error: cannot connect to the PostgreSQL journal at " + url
                + " as user 'statewise': "), failed.output());
        assertFalse(failed.output().contains("never-printed"), failed.output());

        NodeProcess.Failure noUrl = NodeProcess.startExpectingFailure(dir.resolve("node"), Map.of(),
                "--journal", "postgres");
        assertEquals(1, noUrl.exitCode(), noUrl.output());
        assertTrue(noUrl.output().contains("the postgres journal needs a JDBC URL"), noUrl.output());
    }

    private static long eventsInPostgres(TestPostgres pg, String jobId) throws SQLException {
        try (Connection c = pg.connect();
             PreparedStatement q = c.prepareStatement(
                     "SELECT count(*) FROM event_journal WHERE persistence_id LIKE ?")) {
            q.setString(1, "%" + jobId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
