package io.statewise.actors.job;

import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.State;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.training.Trainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a job's events change its state: pure, deterministic functions of the state, the event and the job's algorithm
 * (no side effects, no clock, no actor), so that replaying a job's events always rebuilds the same state. Kept apart
 * from {@link TrainingJob}, which decides which events to persist.
 */
final class JobTransitions {

    private final Trainer trainer;

    JobTransitions(Trainer trainer) {
        this.trainer = trainer;
    }

    Trainer trainer() {
        return trainer;
    }

    /** The first state of a submitted job: epoch 1, empty base and current states. */
    JobState.Running submitted(JobEvent.JobSubmitted e) {
        Trainer t = trainer;
        StateCell empty = StateCell.of(t.emptyState(e.plan().schema()), t);
        return new JobState.Running(e.jobId(), e.spec(), e.plan(), e.at(), 1, 0, new TreeMap<>(), empty, empty,
                new TreeMap<>(), new TreeSet<>(), 0, 0, false, List.of(), new TreeMap<>());
    }

    /** A split's partial: folded into the epoch's state in split order (early arrivals wait in pending). */
    JobState.Running splitMerged(JobState.Running s, JobEvent.SplitMerged e) {
        Trainer t = trainer;
        TreeMap<Integer, StateCell> pending = new TreeMap<>(s.pending());
        pending.put(e.splitId(), StateCell.ofBytes(e.partial()));
        State current = s.current().value(t);
        int folded = s.folded();
        boolean changed = false;
        for (StateCell next; (next = pending.remove(folded)) != null; folded++) {
            current = t.merge(current, next.value(t));
            changed = true;
        }
        StateCell currentCell = changed ? StateCell.of(current, t) : s.current();
        return new JobState.Running(s.jobId(), s.spec(), s.plan(), s.submittedAt(), s.epoch(), folded, pending,
                s.base(), currentCell, s.segments(), s.finished(), s.records() + e.records(),
                s.badRecords() + e.badRecords(), false, s.epochReports(), counted(s.splitsByNode(), e.node()));
    }

    /** The parameter-server step: the segment's partial is applied to the live global state at once. */
    JobState.Running segmentMerged(JobState.Running s, JobEvent.SegmentMerged e) {
        Trainer t = trainer;
        State applied = t.completeEpoch(s.base().value(t), t.decodeState(e.partial()));
        TreeMap<Integer, Integer> segments = new TreeMap<>(s.segments());
        TreeSet<Integer> finished = new TreeSet<>(s.finished());
        if (e.finished()) {
            segments.remove(e.splitId());
            finished.add(e.splitId());
        } else {
            segments.put(e.splitId(), e.segment() + 1);
        }
        return new JobState.Running(s.jobId(), s.spec(), s.plan(), s.submittedAt(), s.epoch(), s.folded(),
                s.pending(), StateCell.of(applied, t), s.current(), segments, finished, s.records() + e.records(),
                s.badRecords() + e.badRecords(), false, s.epochReports(),
                e.finished() ? counted(s.splitsByNode(), e.node()) : s.splitsByNode());
    }

    /**
     * The global state after every split of the current epoch is merged, before the epoch's end: what the epoch's
     * validation scores rate, and what {@link #epochCompleted} ends.
     */
    State epochResult(JobState.Running s) {
        Trainer t = trainer;
        // Epochs that sync every N batches applied each segment already; the others fold their partials now.
        return syncEvery(s) > 0 ? s.base().value(t) : t.completeEpoch(s.base().value(t), s.current().value(t));
    }

    /**
     * The end of an epoch: the next epoch's base, or finalizing after the last epoch (or once the algorithm has
     * converged: every candidate stopped early).
     */
    JobState.Running epochCompleted(JobState.Running s, JobEvent.EpochCompleted e) {
        Trainer t = trainer;
        Optional<SelectionScores> scores = e.validationScores().map(t::decodeScores);
        State ended = t.endEpoch(epochResult(s), scores);
        List<EpochReport> reports = new ArrayList<>(s.epochReports());
        reports.add(new EpochReport(s.epoch(), t.epochMetrics(ended, scores)));
        boolean last = s.epoch() >= t.schedule(s.plan().schema()).epochs() || t.converged(ended);
        StateCell empty = StateCell.of(t.emptyState(s.plan().schema()), t);
        return new JobState.Running(s.jobId(), s.spec(), s.plan(), s.submittedAt(), last ? s.epoch() : s.epoch() + 1,
                0, new TreeMap<>(), StateCell.of(ended, t), empty, new TreeMap<>(), new TreeSet<>(), s.records(),
                s.badRecords(), last, reports, s.splitsByNode());
    }

    /** A job that will do no more work. */
    static JobState.Finished finished(JobState.Running s, JobPhase phase, Optional<byte[]> model,
                                      Map<String, Double> metrics, Optional<String> error, Instant at) {
        return new JobState.Finished(s.jobId(), s.spec(), s.plan(), s.submittedAt(), phase, s.epoch(), s.records(),
                s.badRecords(), model, metrics, error, at, s.epochReports(), s.splitsByNode());
    }

    /** {@code byNode} with one more split for {@code node} (events of older journals name no node). */
    private static SortedMap<String, Long> counted(SortedMap<String, Long> byNode, Optional<String> node) {
        if (node.isEmpty()) return byNode;
        TreeMap<String, Long> out = new TreeMap<>(byNode);
        out.merge(node.get(), 1L, Long::sum);
        return out;
    }

    /**
     * Mini-batches between syncs in the current epoch (0: one partial per split), from the algorithm's policy for
     * the epoch's base. An algorithm's policy must not change within an epoch.
     */
    int syncEvery(JobState.Running state) {
        return trainer.syncPolicy(state.base().value(trainer)) instanceof SyncPolicy.EveryNBatches n
                ? n.batches() : 0;
    }
}
