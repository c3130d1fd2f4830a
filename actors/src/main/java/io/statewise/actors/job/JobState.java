package io.statewise.actors.job;

import io.statewise.persistence.CborSerializable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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
     * @param folded     splits 0..folded-1 of this epoch are merged into {@code current}
     * @param pending    partials of splits beyond {@code folded} that arrived early, merged when their turn comes so
     *                   that the result does not depend on arrival order
     * @param base       the state at the start of this epoch (completed epochs)
     * @param current    the merge of this epoch's folded partials
     * @param finalizing every epoch is merged; the model is being computed
     */
    record Running(String jobId, JobSpec spec, JobPlan plan, Instant submittedAt, int epoch, int folded,
                   SortedMap<Integer, StateCell> pending, StateCell base, StateCell current, long records,
                   long badRecords, boolean finalizing) implements JobState {
        public Running {
            pending = new TreeMap<>(pending);
        }

        /** Whether split {@code splitId} of the current epoch was already merged (or is waiting to be). */
        public boolean hasMerged(int epoch, int splitId) {
            return epoch != this.epoch || finalizing || splitId < folded || pending.containsKey(splitId);
        }

        /** Splits of the current epoch merged or waiting. */
        public int splitsDone() {
            return folded + pending.size();
        }
    }

    /**
     * Completed, failed or cancelled.
     *
     * @param model   the encoded model, when completed
     * @param metrics validation and test metrics of the model
     * @param error   why it failed
     */
    record Finished(String jobId, JobSpec spec, JobPlan plan, Instant submittedAt, JobPhase phase, int epoch,
                    long records, long badRecords, Optional<byte[]> model, Map<String, Double> metrics,
                    Optional<String> error, Instant finishedAt) implements JobState {
        public Finished {
            metrics = Map.copyOf(metrics);
        }
    }
}
