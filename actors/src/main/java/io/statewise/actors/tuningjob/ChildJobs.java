package io.statewise.actors.tuningjob;

import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.service.ShardedJobService;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** How a tuning job starts and watches its children: the job service, or a stub in tests. */
public interface ChildJobs {

    /** Submits a child under its fixed id; fails if the spec is refused or a job has the id. */
    CompletionStage<JobStatus> submit(String jobId, JobSpec spec);

    /** The child's status; empty if no job has the id (it was never submitted). */
    CompletionStage<Optional<JobStatus>> find(String jobId);

    /** Children as jobs of {@code service}, wherever in the cluster they run. */
    static ChildJobs of(ShardedJobService service) {
        return new ChildJobs() {
            @Override
            public CompletionStage<JobStatus> submit(String jobId, JobSpec spec) {
                return service.submitAs(jobId, spec);
            }

            @Override
            public CompletionStage<Optional<JobStatus>> find(String jobId) {
                return service.find(jobId);
            }
        };
    }
}
