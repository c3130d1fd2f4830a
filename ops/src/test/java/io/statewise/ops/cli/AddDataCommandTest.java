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
import io.statewise.actors.job.ModelVersion;
import io.statewise.actors.service.JobService;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.ops.http.JsonSupport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental training end to end: a node with the HTTP API, a k-means job on data A, {@code statewise add-data} of
 * data B, against one job over A and B on the same node: the same model, a second version, and bad input refused.
 */
@Tag("integration")
class AddDataCommandTest {
    private static final long SPLIT_BYTES = 40_000;

    @TempDir
    Path dir;

    @Test
    void aJobGivenMoreDataHasTheModelOfOneJobOverAllOfIt() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        new GaussianBlobs(3, 2, 0.5, 7L).writeCsv(a, 4_000, true);
        new GaussianBlobs(3, 2, 0.5, 9L).writeCsv(b, 1_000, true);
        Map<String, String> hp = Map.of("k", "3", "mini_batch_size", "100", "seed", "2");
        try (EmbeddedNode node = EmbeddedNode.start(dir.resolve("node"), false)) {
            JobService jobs = node.node().jobService();
            String url = ServiceCalls.serveHttp(node);
            String both = completed(jobs, spec(hp, a, b));
            String grown = completed(jobs, spec(hp, a));

            CliRun added = CliRun.of("add-data", grown, b.toString(), "--wait", "--no-progress", "--url", url);
            assertEquals(ExitCodes.OK, added.exitCode(), added.err());
            JsonNode model = JsonSupport.mapper().readTree(added.out());
            assertEquals(5_000, model.get("records").asLong());
            assertEquals(await(jobs.model(both)).model(), await(jobs.model(grown)).model(),
                    "data A then B gives the model of one job over A and B");
            List<ModelVersion> versions = await(jobs.versions(grown));
            assertEquals(List.of(1, 2), versions.stream().map(ModelVersion::version).toList());
            assertEquals(4_000, await(jobs.modelVersion(grown, 1)).records(), "version 1 is still there");

            CliRun again = CliRun.of("add-data", grown, b.toString(), "--url", url);
            assertEquals(ExitCodes.USAGE, again.exitCode());
            assertTrue(again.err().contains("already part of the job's training data"), again.err());
            CliRun libsvm = CliRun.of("add-data", grown, b.toString(), "--format", "libsvm", "--features", "2",
                    "--url", url);
            assertEquals(ExitCodes.USAGE, libsvm.exitCode());
            assertTrue(libsvm.err().contains("(field data.format)"), libsvm.err());

            // A new job may start from the trained state of another.
            Path c = dir.resolve("c.csv");
            new GaussianBlobs(3, 2, 0.5, 11L).writeCsv(c, 500, true);
            String fromBase = completed(jobs, withBase(hp, c, both));
            assertEquals(500, await(jobs.status(fromBase)).records());
            assertBaseRefused(jobs, withBase(Map.of("k", "5"), c, both), "k (base 3, this job 5)");
            assertBaseRefused(jobs, withBase(hp, c, "nope"), "no job with id 'nope'");
        }
    }

    private static JobSpec withBase(Map<String, String> hp, Path data, String base) {
        return new JobSpec("kmeans", hp, new DataInput(List.of(data.toString()), false, 0), Optional.empty(),
                Optional.empty(), 2, 0, SPLIT_BYTES, Optional.of(base));
    }

    private static void assertBaseRefused(JobService jobs, JobSpec spec, String why) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> await(jobs.submit(spec)));
        var rejected = (io.statewise.actors.service.JobRejectedException) e.getCause();
        assertEquals(Optional.of("base"), rejected.field());
        assertTrue(rejected.getMessage().contains(why), rejected.getMessage());
    }

    private static JobSpec spec(Map<String, String> hp, Path... train) {
        List<String> paths = java.util.Arrays.stream(train).map(Path::toString).toList();
        return new JobSpec("kmeans", hp, new DataInput(paths, false, 0), Optional.empty(), Optional.empty(), 2, 0,
                SPLIT_BYTES);
    }
}
