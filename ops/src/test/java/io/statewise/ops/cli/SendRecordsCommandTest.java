package io.statewise.ops.cli;

import static io.statewise.ops.cli.ServiceCalls.await;
import static io.statewise.ops.cli.ServiceCalls.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.service.JobService;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.ops.http.JsonSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code statewise send-records} against a node with the HTTP API: an online job that starts from a trained batch
 * job's state ({@code base}) takes a CSV file and a JSON Lines file streamed by the CLI, then closes into its model.
 */
@Tag("integration")
class SendRecordsCommandTest {

    @TempDir
    Path dir;

    @Test
    void streamsFilesIntoAnOnlineJobAndClosesIt() throws Exception {
        GaussianBlobs blobs = new GaussianBlobs(3, 2, 0.5, 7L);
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.jsonl");
        blobs.writeCsv(a, 2_000, true);
        blobs.writeCsv(b, 1_000, true);
        StringBuilder json = new StringBuilder();
        for (float[] row : blobs.sample(500)) {
            json.append("{\"label\": 0, \"features\": [").append(row[0]).append(", ").append(row[1]).append("]}\n");
        }
        Files.writeString(c, json);
        Map<String, String> hp = Map.of("k", "3", "mini_batch_size", "100", "seed", "2");
        try (EmbeddedNode node = EmbeddedNode.start(dir.resolve("node"), false)) {
            JobService jobs = node.node().jobService();
            String url = ServiceCalls.serveHttp(node);
            String base = completed(jobs, new JobSpec("kmeans", hp, new DataInput(List.of(a.toString()), false, 0),
                    Optional.empty(), Optional.empty(), 2, 0, 0));
            DataInput records = new DataInput(List.of(), false, 0, DataInput.CSV, false, Optional.of(2));
            String online = await(jobs.submit(new JobSpec("kmeans", hp, records, Optional.empty(), Optional.empty(),
                    1, 0, 0, Optional.of(base), true))).jobId();

            CliRun csv = CliRun.of("send-records", online, b.toString(), "--url", url);
            assertEquals(ExitCodes.OK, csv.exitCode(), csv.err());
            assertEquals(1_000, JsonSupport.mapper().readTree(csv.out()).get("records_accepted").asLong(), csv.out());

            CliRun jsonl = CliRun.of("send-records", online, c.toString(), "--close", "--url", url);
            assertEquals(ExitCodes.OK, jsonl.exitCode(), jsonl.err());
            assertTrue(jsonl.out().contains("\"records_accepted\" : 500"), jsonl.out());
            JobStatus closed = await(jobs.status(online));
            assertEquals(JobPhase.COMPLETED, closed.phase());
            assertEquals(1_500, closed.records());
            assertEquals(2, await(jobs.model(online)).model().featureDimension());

            CliRun late = CliRun.of("send-records", online, b.toString(), "--url", url);
            assertEquals(ExitCodes.USAGE, late.exitCode());
            assertTrue(late.err().contains("not online any more"), late.err());
        }
    }
}
