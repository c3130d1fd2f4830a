package io.statewise.actors.job;

import io.statewise.persistence.CborSerializable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What happened to a job, in the order it happened. Replaying a job's events rebuilds its state exactly (partials are
 * folded in split order, whatever order they arrived in), so replaying up to any sequence number gives the model as it
 * was then. Events never hold actor references.
 */
public sealed interface JobEvent extends CborSerializable {

    /** The job was accepted with its plan. */
    record JobSubmitted(String jobId, JobSpec spec, JobPlan plan, Instant at) implements JobEvent {}

    /**
     * One split's partial state of one epoch, merged exactly once.
     *
     * @param partial    the partial state, encoded with the algorithm's state codec
     * @param records    good records of the split
     * @param badRecords malformed records skipped in the split
     * @param node       the cluster node whose worker computed it ({@code pekko://statewise@host:port}); empty in
     *                   events written before nodes were recorded
     */
    record SplitMerged(int epoch, int splitId, byte[] partial, long records, long badRecords, Instant at,
                       Optional<String> node) implements JobEvent {
        public SplitMerged {
            node = node == null ? Optional.empty() : node;
        }
    }

    /**
     * One segment (N mini-batches) of a split, in an epoch that syncs every N batches: its partial was applied to the
     * global state (the parameter-server step) exactly once.
     *
     * @param segment  the segment's index within its split, from 0
     * @param partial  the segment's contribution, encoded with the algorithm's state codec
     * @param finished whether this was the split's last segment
     * @param node     the cluster node whose worker computed it; empty in events written before nodes were recorded
     */
    record SegmentMerged(int epoch, int splitId, int segment, byte[] partial, long records, long badRecords,
                         boolean finished, Instant at, Optional<String> node) implements JobEvent {
        public SegmentMerged {
            node = node == null ? Optional.empty() : node;
        }
    }

    /**
     * Every split of {@code epoch} was merged (and, for jobs with validation data, the epoch's candidate models were
     * scored on it).
     *
     * @param validationScores the candidates' validation scores, encoded with the algorithm's scores codec; empty
     *                         without validation data or for algorithms without candidates
     */
    record EpochCompleted(int epoch, Optional<byte[]> validationScores, Instant at) implements JobEvent {
        public EpochCompleted {
            validationScores = validationScores == null ? Optional.empty() : validationScores;
        }
    }

    /**
     * The final model.
     *
     * @param model   encoded with the algorithm's model codec
     * @param metrics validation and test metrics, prefixed {@code validation_} and {@code test_}
     */
    record ModelFinalized(byte[] model, Map<String, Double> metrics, Instant at) implements JobEvent {}

    /** The job stopped because of an error it cannot recover from. */
    record JobFailed(String reason, Instant at) implements JobEvent {}

    /** A client cancelled the job. */
    record JobCancelled(Instant at) implements JobEvent {}
}
