package io.statewise.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.service.JobService;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Waiting on a node's {@link JobService} in CLI tests, which set up jobs directly and drive the CLI over them. */
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

    /** The stage's value, within a minute. */
    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
