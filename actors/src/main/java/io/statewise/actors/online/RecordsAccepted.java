package io.statewise.actors.online;

/**
 * The acknowledgement of one request's records: every record counted here is in a checkpoint the job persisted.
 *
 * @param jobId               the job
 * @param recordsAccepted     good records of the request, all merged and persisted
 * @param badRecords          malformed records skipped (within the job's {@code max_bad_records})
 * @param checkpoints         events the request's records were persisted in
 * @param checkpointedThrough the job's event that holds the request's last records (0 if it had none)
 * @param jobRecords          records the job has merged in all
 */
public record RecordsAccepted(String jobId, long recordsAccepted, long badRecords, int checkpoints,
                              long checkpointedThrough, long jobRecords) {}
