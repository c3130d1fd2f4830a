package io.statewise.ops.http;

import io.statewise.actors.job.EpochReport;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.job.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A job's status as the API shows it; see {@link JobStatus} for the meaning of each field. {@code phase} is the
 * lower-case phase name ({@code training}, {@code online}, {@code finalizing}, {@code completed}, {@code failed},
 * {@code cancelled}); {@code error} and {@code finished_at} are null until they apply; {@code epochs_completed} lists
 * each completed epoch's metrics (e.g. {@code train_loss}, {@code validation_loss} of a linear learner), in order;
 * {@code splits_by_node} counts the splits merged so far by the cluster node whose worker computed them;
 * {@code bytes_read} and {@code bytes_reread} count the split bytes handed to workers since the job started on its
 * node, and of those the bytes handed out again after a lost lease.
 */
public record JobStatusDto(String jobId, String algorithm, String phase, int epoch, int epochs, int splitsDone,
                           int splitsTotal, long records, double recordsPerSecond, long badRecords,
                           Map<String, Double> metrics, String error, Instant submittedAt, Instant finishedAt,
                           List<EpochReport> epochsCompleted, Map<String, Long> splitsByNode, long bytesRead,
                           long bytesReread) {

    /** The DTO of a runtime status. */
    public static JobStatusDto from(JobStatus s) {
        return new JobStatusDto(s.jobId(), s.algorithm(), s.phase().name().toLowerCase(Locale.ROOT), s.epoch(),
                s.epochs(), s.splitsDone(), s.splitsTotal(), s.records(), s.recordsPerSecond(), s.badRecords(),
                s.metrics(), s.error().orElse(null), s.submittedAt(), s.finishedAt().orElse(null), s.epochReports(),
                s.splitsByNode(), s.bytesRead(), s.bytesReread());
    }

    /** The phase as the runtime's enum (for clients reading this DTO back). */
    public JobPhase toPhase() {
        return JobPhase.valueOf(phase.toUpperCase(Locale.ROOT));
    }
}
