package io.statewise.actors.job;

import java.time.Instant;
import java.util.Optional;

/**
 * One event of a job's history as clients see it: its type, time, sequence number and counts, never its payload
 * (partial states, models).
 *
 * @param sequenceNr  its position in the job's journal, from 1
 * @param type        snake_case event type, e.g. {@code split_merged}
 * @param at          when it happened
 * @param epoch       the epoch it belongs to (merges and epoch ends)
 * @param split       the split it merged
 * @param segment     the segment of the split it merged (epochs that sync every N batches)
 * @param records     good records it merged
 * @param badRecords  malformed records skipped in what it merged
 * @param version     the model version it created
 * @param reason      why the job failed
 * @param splits      how many splits it added (data added to a completed job)
 */
public record EventSummary(long sequenceNr, String type, Instant at, Optional<Integer> epoch,
                           Optional<Integer> split, Optional<Integer> segment, Optional<Long> records,
                           Optional<Long> badRecords, Optional<Integer> version, Optional<String> reason,
                           Optional<Integer> splits) {

    /** The summary of {@code event}, persisted at {@code sequenceNr}. */
    public static EventSummary of(long sequenceNr, JobEvent event) {
        var none = Optional.<Integer>empty();
        if (event instanceof JobEvent.JobSubmitted e) {
            return new EventSummary(sequenceNr, "job_submitted", e.at(), none, none, none, Optional.empty(),
                    Optional.empty(), none, Optional.empty(), none);
        }
        if (event instanceof JobEvent.SplitMerged e) {
            return new EventSummary(sequenceNr, "split_merged", e.at(), Optional.of(e.epoch()),
                    Optional.of(e.splitId()), none, Optional.of(e.records()), Optional.of(e.badRecords()), none,
                    Optional.empty(), none);
        }
        if (event instanceof JobEvent.SegmentMerged e) {
            return new EventSummary(sequenceNr, "segment_merged", e.at(), Optional.of(e.epoch()),
                    Optional.of(e.splitId()), Optional.of(e.segment()), Optional.of(e.records()),
                    Optional.of(e.badRecords()), none, Optional.empty(), none);
        }
        if (event instanceof JobEvent.SyncCheckpointed e) {
            return new EventSummary(sequenceNr, "sync_checkpointed", e.at(), Optional.of(e.state().epoch()), none,
                    none, Optional.of(e.state().records()), Optional.of(e.state().badRecords()), none,
                    Optional.empty(), none);
        }
        if (event instanceof JobEvent.EpochCompleted e) {
            return new EventSummary(sequenceNr, "epoch_completed", e.at(), Optional.of(e.epoch()), none, none,
                    Optional.empty(), Optional.empty(), none, Optional.empty(), none);
        }
        if (event instanceof JobEvent.DataAdded e) {
            return new EventSummary(sequenceNr, "data_added", e.at(), none, none, none, Optional.empty(),
                    Optional.empty(), none, Optional.empty(), Optional.of(e.added().splits().size()));
        }
        if (event instanceof JobEvent.RecordsMerged e) {
            return new EventSummary(sequenceNr, "records_merged", e.at(), none, none, none, Optional.of(e.records()),
                    Optional.of(e.badRecords()), none, Optional.empty(), none);
        }
        if (event instanceof JobEvent.JobFailed e) {
            return new EventSummary(sequenceNr, "job_failed", e.at(), none, none, none, Optional.empty(),
                    Optional.empty(), none, Optional.of(e.reason()), none);
        }
        String type = event instanceof JobEvent.JobCancelled ? "job_cancelled"
                : event instanceof JobEvent.ModelTuned ? "model_tuned" : "model_finalized";
        return new EventSummary(sequenceNr, type, event.at(), none, none, none, Optional.empty(), Optional.empty(),
                ModelVersion.versionOf(event), Optional.empty(), none);
    }
}
