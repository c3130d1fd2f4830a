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

    /** When it happened (the job's clock). */
    Instant at();

    /**
     * The job was accepted with its plan.
     *
     * @param baseState the trained state of the job's {@link JobSpec#base() base}, encoded with the algorithm's state
     *                  codec, copied here so that replay does not depend on the base job; empty without a base
     * @param continuesAtEpoch for a job that continues its base's training with more epochs over the same data: the
     *                  first epoch it runs, from the base state as that epoch's start; empty when the base state is
     *                  folded with this job's data as if added to the base job (one-pass algorithms)
     */
    record JobSubmitted(String jobId, JobSpec spec, JobPlan plan, Instant at, Optional<byte[]> baseState,
                        Optional<Integer> continuesAtEpoch) implements JobEvent {
        public JobSubmitted {
            baseState = baseState == null ? Optional.empty() : baseState;
            continuesAtEpoch = continuesAtEpoch == null ? Optional.empty() : continuesAtEpoch;
        }

        /** A job that starts from nothing, or folds its base's state with its data. */
        public JobSubmitted(String jobId, JobSpec spec, JobPlan plan, Instant at, Optional<byte[]> baseState) {
            this(jobId, spec, plan, at, baseState, Optional.empty());
        }

        /** A job that starts from nothing. */
        public JobSubmitted(String jobId, JobSpec spec, JobPlan plan, Instant at) {
            this(jobId, spec, plan, at, Optional.empty());
        }
    }

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
     * <p>A job records segments without their partial ({@link #applied()}): the job applied it in memory, and the
     * next {@link SyncCheckpointed} holds the result. Replay skips such a segment, so a job that restarts resumes from
     * its last checkpoint and redoes the segments since, which bounds the lost work by the checkpoint interval while
     * the journal takes one global state per checkpoint instead of a partial per sync. Events written before
     * checkpoints carry their partial and replay applies it.
     *
     * @param segment  the segment's index within its split, from 0
     * @param partial  the segment's contribution, encoded with the algorithm's state codec; empty when applied
     *                 without being recorded
     * @param finished whether this was the split's last segment
     * @param node     the cluster node whose worker computed it; empty in events written before nodes were recorded
     */
    record SegmentMerged(int epoch, int splitId, int segment, byte[] partial, long records, long badRecords,
                         boolean finished, Instant at, Optional<String> node) implements JobEvent {
        public SegmentMerged {
            node = node == null ? Optional.empty() : node;
        }

        /** Whether the partial is not recorded: the segment's effect is in the next checkpoint only. */
        public boolean applied() {
            return partial.length == 0;
        }

        /** This segment recorded without its partial. */
        public SegmentMerged withoutPartial() {
            return new SegmentMerged(epoch, splitId, segment, new byte[0], records, badRecords, finished, at, node);
        }
    }

    /**
     * A checkpoint of a job that syncs every N batches: its whole state after the segments merged so far (the global
     * parameters and every split's progress). Written every checkpoint interval and whenever an epoch's last split
     * finishes, so that an epoch's end never follows segments that replay would skip.
     */
    record SyncCheckpointed(JobState.Running state, Instant at) implements JobEvent {}

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
     * A model finalized from the trained state: the job's first model version, or a later one after more data.
     *
     * @param model   encoded with the algorithm's model codec
     * @param metrics validation and test metrics, prefixed {@code validation_} and {@code test_}
     * @param version the model's version, from 1; empty in journals written before versions existed, where the
     *                event was always the job's only model (version 1)
     */
    record ModelFinalized(byte[] model, Map<String, Double> metrics, Instant at, Optional<Integer> version)
            implements JobEvent {
        public ModelFinalized {
            version = version == null ? Optional.empty() : version;
        }
    }

    /**
     * A model version finalized again from the stored state with other finalize-time hyperparameters (a tuning
     * choice), without another data pass.
     *
     * @param version         the new version (the previous one plus 1)
     * @param model           encoded with the algorithm's model codec
     * @param metrics         what the tuning scored the chosen setting with (e.g. {@code validation_msd})
     * @param hyperParameters the finalize-time hyperparameters that differ from the job's (e.g. {@code k})
     */
    record ModelTuned(int version, byte[] model, Map<String, Double> metrics, Map<String, String> hyperParameters,
                      Instant at) implements JobEvent {
        public ModelTuned {
            metrics = Map.copyOf(metrics);
            hyperParameters = Map.copyOf(hyperParameters);
        }
    }

    /**
     * A completed job took more training data: only these splits are read, their partials are folded into the
     * stored state after the job's earlier splits (as one job over all the data would fold them), and a new model
     * version is finalized.
     *
     * @param added the new splits, in the job's format, with ids after the job's earlier splits
     */
    record DataAdded(PlannedInput added, Instant at) implements JobEvent {}

    /**
     * A batch of records posted to an online job, folded into a partial state (off the job) and merged into its state:
     * the records themselves are never stored. Each is a checkpoint: records acknowledged to a client are in one.
     *
     * @param partial    the batch's partial state, encoded with the algorithm's state codec
     * @param records    good records of the batch
     * @param badRecords malformed records skipped in it
     */
    record RecordsMerged(byte[] partial, long records, long badRecords, Instant at) implements JobEvent {}

    /** The job stopped because of an error it cannot recover from. */
    record JobFailed(String reason, Instant at) implements JobEvent {}

    /** A client cancelled the job. */
    record JobCancelled(Instant at) implements JobEvent {}
}
