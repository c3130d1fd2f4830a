package io.statewise.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.service.JobService;
import io.statewise.ops.http.ApiRoutes;
import io.statewise.ops.http.HttpServer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A node's {@link JobService} and HTTP API in CLI tests, which set up jobs directly and drive the CLI over them.
 */
final class ServiceCalls {

    private ServiceCalls() {}

    /** Submits {@code spec}, waits until the job is final, expects it completed; returns its id. */
    static String completed(JobService jobs, JobSpec spec) throws Exception {
        JobStatus s = await(jobs.submit(spec));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!s.phase().isFinal() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            s = await(jobs.status(s.jobId()));
        }
        assertEquals(JobPhase.COMPLETED, s.phase(), String.valueOf(s.error()));
        return s.jobId();
    }

    /** Serves the node's HTTP API on a free port of 127.0.0.1; returns its URL. */
    static String serveHttp(EmbeddedNode node) throws Exception {
        var http = HttpServer.start(node.node().system(), ApiRoutes.create(node.node()), "127.0.0.1", 0)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        return "http://127.0.0.1:" + http.getPort();
    }

    /** The stage's value, within a minute. */
    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
