package io.statewise.ops.http;

import io.statewise.actors.online.RecordsAccepted;

/**
 * The answer to {@code POST /v1/jobs/{id}/records}: every record counted in {@code records_accepted} is merged into
 * the job's state and persisted in a checkpoint (the job's event {@code checkpointed_through} or an earlier one).
 */
public record RecordsAcceptedDto(String jobId, long recordsAccepted, long badRecords, int checkpoints,
                                 long checkpointedThrough, long jobRecords) {

    /** The DTO of the service's acknowledgement. */
    public static RecordsAcceptedDto from(RecordsAccepted a) {
        return new RecordsAcceptedDto(a.jobId(), a.recordsAccepted(), a.badRecords(), a.checkpoints(),
                a.checkpointedThrough(), a.jobRecords());
    }
}
