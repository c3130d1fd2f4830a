package io.statewise.actors.job;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Settings of jobs and workers, read once from {@code statewise.actors} (see the module's reference.conf).
 *
 * @param snapshotEvery    events between snapshots of a job
 * @param leaseTimeout     a split without progress for this long is re-queued
 * @param tickInterval     how often a job checks its leases
 * @param splitSizeBytes   default split size
 * @param askTimeout       timeout of service-layer asks to a job
 * @param progressInterval how often a busy worker reports progress
 * @param retryInterval    how long an idle worker waits before asking for work again
 * @param replyTimeout     how long a worker waits for its job's answer to a finished split or segment before it
 *                         asks again (the job may have moved to another node and lost the message)
 * @param checkpointInterval in epochs that sync every N batches: the longest a job goes without recording its state
 *                           (the work a restart can lose)
 */
public record JobSettings(int snapshotEvery, Duration leaseTimeout, Duration tickInterval, long splitSizeBytes,
                          Duration askTimeout, Duration progressInterval, Duration retryInterval,
                          Duration replyTimeout, Duration checkpointInterval) {

    /** The dispatcher that runs algorithm work. */
    public static final String COMPUTE_DISPATCHER = "statewise.actors.compute-dispatcher";

    /** Reads {@code statewise.actors} from the root config. */
    public static JobSettings from(Config root) {
        Config c = root.getConfig("statewise.actors");
        return new JobSettings(c.getInt("job.snapshot-every"), c.getDuration("job.lease-timeout"),
                c.getDuration("job.tick-interval"), c.getBytes("job.split-size"), c.getDuration("job.ask-timeout"),
                c.getDuration("worker.progress-interval"), c.getDuration("worker.retry-interval"),
                c.getDuration("worker.reply-timeout"), c.getDuration("job.checkpoint-interval"));
    }
}
