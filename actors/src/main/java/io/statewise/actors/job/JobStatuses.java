package io.statewise.actors.job;

import io.statewise.algorithms.training.Trainer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A job's {@link JobStatus} from its state: what clients see of a running or a finished job. */
final class JobStatuses {

    private JobStatuses() {}

    /**
     * The status of a running job.
     *
     * @param inFlight records read by splits not merged yet
     * @param rate     records per second since the job (re)started on this node
     * @param bytesRead   split bytes handed out since the job (re)started on this node
     * @param bytesReread of those, bytes handed out again after a lease was lost
     */
    static JobStatus running(String jobId, JobState.Running r, Trainer trainer, long inFlight, double rate,
                             long bytesRead, long bytesReread) {
        int epochs = trainer.schedule(r.plan().schema()).epochs();
        return new JobStatus(jobId, r.spec().algorithm(), JobPhase.of(r),
                r.epoch(), epochs, r.finalizing() ? r.plan().splitsPerEpoch() : r.splitsDone(),
                r.plan().splitsPerEpoch(), r.records() + inFlight, rate, r.badRecords(), Map.of(), Optional.empty(),
                r.submittedAt(), Optional.empty(), r.epochReports(), r.splitsByNode(), bytesRead, bytesReread);
    }

    /**
     * The status of an online job: one epoch, no splits, the records merged so far.
     *
     * @param rate records per second merged since the job (re)started on this node
     */
    static JobStatus online(String jobId, JobState.Online o, double rate) {
        return new JobStatus(jobId, o.spec().algorithm(), JobPhase.ONLINE, 1, 1, 0, 0, o.records(), rate,
                o.badRecords(), Map.of(), Optional.empty(), o.submittedAt(), Optional.empty(), List.of(),
                Map.of(), 0, 0);
    }

    /** The status of a completed, failed or cancelled job; its rate is over its whole life. */
    static JobStatus finished(String jobId, JobState.Finished f, Trainer trainer, long bytesRead, long bytesReread) {
        int epochs = trainer.schedule(f.plan().schema()).epochs();
        double seconds = Math.max(1e-3, Duration.between(f.submittedAt(), f.finishedAt()).toNanos() / 1e9);
        return new JobStatus(jobId, f.spec().algorithm(), f.phase(), f.epoch(), epochs,
                f.phase() == JobPhase.COMPLETED ? f.plan().splitsPerEpoch() : 0, f.plan().splitsPerEpoch(), f.records(),
                f.records() / seconds, f.badRecords(), f.metrics(), f.error(), f.submittedAt(),
                Optional.of(f.finishedAt()), f.epochReports(), f.splitsByNode(), bytesRead, bytesReread);
    }
}
