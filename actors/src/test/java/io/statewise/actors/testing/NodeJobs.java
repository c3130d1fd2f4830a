package io.statewise.actors.testing;

import io.statewise.actors.job.JobStatus;
import io.statewise.actors.node.StatewiseNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Following jobs on a real node in tests. */
public final class NodeJobs {

    private NodeJobs() {}

    /** Polls the job's status until it is final; fails the test after {@code timeout}. */
    public static JobStatus awaitFinal(StatewiseNode node, String jobId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobStatus s;
        do {
            s = node.jobService().status(jobId).toCompletableFuture().get(10, TimeUnit.SECONDS);
            if (s.phase().isFinal()) return s;
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not final after " + timeout + ": " + s);
    }
}
