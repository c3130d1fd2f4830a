package io.statewise.actors.job;

import java.util.Locale;
import java.util.Optional;

/** Why a job takes no records: what a client that posts records to it (or closes it) is told. */
public final class OnlineRefusal {

    private OnlineRefusal() {}

    /**
     * Why job {@code jobId} takes no records, if it does not.
     *
     * @param spec  its spec; empty if no job has the id
     * @param phase its phase
     */
    public static Optional<String> of(String jobId, Optional<JobSpec> spec, JobPhase phase) {
        if (spec.isEmpty()) return Optional.of("no job with id '" + jobId + "'");
        if (phase == JobPhase.ONLINE) return Optional.empty();
        String now = phase.name().toLowerCase(Locale.ROOT);
        if (spec.get().online()) return Optional.of("job '" + jobId + "' is not online any more: it is " + now);
        return Optional.of("job '" + jobId + "' is not an online job (it is a batch job, " + now + "): records are "
                + "posted only to jobs submitted with \"mode\": \"online\"");
    }

    /** Why the job in {@code state} takes no records (an empty string if it does). */
    static String of(String jobId, JobState state) {
        if (state instanceof JobState.Empty) return "no job with id '" + jobId + "'";
        return of(jobId, JobDefinition.of(state).spec(), JobPhase.of(state)).orElse("");
    }
}
