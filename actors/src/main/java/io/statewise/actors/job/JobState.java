package io.statewise.actors.job;

import io.statewise.persistence.CborSerializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A job's persistent state: immutable values, changed only by {@link JobEvent}s.
 */
public sealed interface JobState extends CborSerializable {

    /** No job has this id (yet). */
    record Empty() implements JobState {}

    /**
     * Training or finalizing.
     *
     * @param epoch      current epoch, 1-based
     * @param folded     splits 0..folded-1 of this epoch are merged into {@code current} (epochs that sync at the
     *                   end of each split)
     * @param pending    partials of splits beyond {@code folded} that arrived early, merged when their turn comes so
     *                   that the result does not depend on arrival order
     * @param base       the state at the start of this epoch; in epochs that sync every N batches, the live global
     *                   state (the parameter server's), updated by every merged segment
     * @param current    the merge of this epoch's folded partials
     * @param segments   in epochs that sync every N batches: segments merged so far of each unfinished split
     * @param finished   in epochs that sync every N batches: splits whose last segment was merged
     * @param finalizing every epoch is merged; the model is being computed
     * @param epochReports what each completed epoch reported, in epoch order
     * @param modelVersions model versions the job stored before this run (earlier runs, before data was added);
     *                      empty in snapshots written before versions existed, which means none
     * @param splitsByNode splits merged so far (all epochs) by the cluster node whose worker computed them; absent
     *                     from snapshots taken before nodes were recorded
     */
    record Running(String jobId, JobSpec spec, JobPlan plan, Instant submittedAt, int epoch, int folded,
                   SortedMap<Integer, StateCell> pending, StateCell base, StateCell current,
                   SortedMap<Integer, Integer> segments, SortedSet<Integer> finished, long records,
                   long badRecords, boolean finalizing, List<EpochReport> epochReports,
                   Optional<Integer> modelVersions, SortedMap<String, Long> splitsByNode) implements JobState {
        public Running {
            pending = new TreeMap<>(pending);
            segments = new TreeMap<>(segments);
            finished = new TreeSet<>(finished);
            epochReports = List.copyOf(epochReports);
            modelVersions = modelVersions == null ? Optional.empty() : modelVersions;
            splitsByNode = splitsByNode == null ? new TreeMap<>() : new TreeMap<>(splitsByNode);
        }

        /** The version the model this run finalizes will have. */
        public int nextVersion() {
            return modelVersions.orElse(0) + 1;
        }

        /** Whether split {@code splitId} of {@code epoch} was already merged (or is waiting to be). */
        public boolean hasMerged(int epoch, int splitId) {
            return epoch != this.epoch || finalizing || splitId < folded || pending.containsKey(splitId)
                    || finished.contains(splitId);
        }

        /** Whether every split of the epoch is merged but the epoch has not ended (its validation is scored). */
        public boolean awaitingEpochEnd() {
            return !finalizing && splitsDone() == plan.splitsPerEpoch();
        }

        /** Splits of the current epoch merged or waiting. */
        public int splitsDone() {
            return folded + pending.size() + finished.size();
        }

        /** Segments of {@code splitId} already merged in this epoch. */
        public int segmentsMerged(int splitId) {
            return segments.getOrDefault(splitId, 0);
        }
    }

    /**
     * An online job taking records ({@link JobSpec#online()}): every batch of records posted to it was folded into a
     * partial state off the job, and merged here once persisted ({@link JobEvent.RecordsMerged}).
     *
     * @param state    the merge of the base job's trained state (if any) and every persisted batch of records
     * @param records  good records merged
     * @param badRecords malformed records skipped
     * @param merges   batches of records merged (each one event: a checkpoint)
     */
    record Online(String jobId, JobSpec spec, JobPlan plan, Instant submittedAt, StateCell state, long records,
                  long badRecords, long merges) implements JobState {}

    /**
     * Completed, failed or cancelled.
     *
     * @param model   the encoded model, when completed
     * @param metrics validation and test metrics of the model
     * @param error   why it failed
     * @param epochReports what each completed epoch reported
     * @param modelVersion the version of {@code model} (from 1); empty without a model, and in snapshots written
     *                     before versions existed (then 1 if there is a model)
     * @param state   the trained state the model was finalized from (what tuning finalizes again); empty in
     *                snapshots written before it was kept (replaying the events rebuilds it)
     * @param splitsByNode splits merged (all epochs) by the cluster node whose worker computed them
     */
    record Finished(String jobId, JobSpec spec, JobPlan plan, Instant submittedAt, JobPhase phase, int epoch,
                    long records, long badRecords, Optional<byte[]> model, Map<String, Double> metrics,
                    Optional<String> error, Instant finishedAt, List<EpochReport> epochReports,
                    Optional<Integer> modelVersion, Optional<StateCell> state, SortedMap<String, Long> splitsByNode)
            implements JobState {
        public Finished {
            metrics = Map.copyOf(metrics);
            epochReports = List.copyOf(epochReports);
            modelVersion = modelVersion == null ? Optional.empty() : modelVersion;
            state = state == null ? Optional.empty() : state;
            splitsByNode = splitsByNode == null ? new TreeMap<>() : new TreeMap<>(splitsByNode);
        }

        /** The current model's version: 0 without a model. */
        public int currentVersion() {
            return model.isEmpty() ? 0 : modelVersion.orElse(1);
        }
    }
}
