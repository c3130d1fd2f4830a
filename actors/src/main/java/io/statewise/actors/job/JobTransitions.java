package io.statewise.actors.job;

import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.State;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.data.Split;
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

    /**
     * The first state of a submitted job: epoch 1, an empty base; the current state is empty, or the base job's
     * trained state, into which this job's splits are folded as if they had been added to that job. A job that
     * continues its base's training starts instead at the epoch after the base's last, from the base state as that
     * epoch's start: the same state a job running all the epochs at once would have there.
     */
    JobState.Running submitted(JobEvent.JobSubmitted e) {
        Trainer t = trainer;
        StateCell empty = StateCell.of(t.emptyState(e.plan().schema()), t);
        int epoch = e.continuesAtEpoch().orElse(1);
        StateCell base = e.continuesAtEpoch().isPresent() ? StateCell.ofBytes(e.baseState().orElseThrow()) : empty;
        StateCell current = e.continuesAtEpoch().isPresent() ? empty
                : e.baseState().map(StateCell::ofBytes).orElse(empty);
        return new JobState.Running(e.jobId(), e.spec(), e.plan(), e.at(), epoch, 0, new TreeMap<>(), base, current,
                new TreeMap<>(), new TreeSet<>(), 0, 0, false, List.of(), Optional.empty(),
                new TreeMap<>());
    }

    /** The first state of an online job: the base job's trained state, or empty, before any record. */
    JobState.Online onlineStarted(JobEvent.JobSubmitted e) {
        Trainer t = trainer;
        StateCell state = e.baseState().map(StateCell::ofBytes)
                .orElseGet(() -> StateCell.of(t.emptyState(e.plan().schema()), t));
        return new JobState.Online(e.jobId(), e.spec(), e.plan(), e.at(), state, 0, 0, 0);
    }

    /** A batch of records' partial, merged into the online state in the order the job persisted them. */
    JobState.Online recordsMerged(JobState.Online s, JobEvent.RecordsMerged e) {
        Trainer t = trainer;
        State merged = t.merge(s.state().value(t), t.decodeState(e.partial()));
        return new JobState.Online(s.jobId(), s.spec(), s.plan(), s.submittedAt(), StateCell.of(merged, t),
                s.records() + e.records(), s.badRecords() + e.badRecords(), s.merges() + 1);
    }

    /**
     * The trained state of an online job as it stands: its merged partials completed as the one epoch of a batch
     * job over the same records would be (what add-data does), so that finalizing it gives the same model.
     */
    State onlineTrained(JobState.Online s) {
        Trainer t = trainer;
        State completed = t.completeEpoch(t.emptyState(s.plan().schema()), s.state().value(t));
        return t.endEpoch(completed, Optional.empty());
    }

    /**
     * A closed online job with its final model (the first version, or the next after a base's): it keeps its trained
     * state, so that tuning and added data work as for a batch job.
     */
    JobState.Finished onlineClosed(JobState.Online s, JobEvent.ModelFinalized e) {
        Trainer t = trainer;
        return new JobState.Finished(s.jobId(), s.spec(), s.plan(), s.submittedAt(), JobPhase.COMPLETED, 1,
                s.records(), s.badRecords(), Optional.of(e.model()), e.metrics(), Optional.empty(), e.at(), List.of(),
                Optional.of(e.version().orElse(1)), Optional.of(StateCell.of(onlineTrained(s), t)), new TreeMap<>());
    }

    /** An online job that stopped (failed or cancelled): it keeps its state, with no model. */
    JobState.Finished onlineStopped(JobState.Online s, JobPhase phase, Optional<String> error, Instant at) {
        return new JobState.Finished(s.jobId(), s.spec(), s.plan(), s.submittedAt(), phase, 1, s.records(),
                s.badRecords(), Optional.empty(), Map.of(), error, at, List.of(), Optional.empty(),
                Optional.of(StateCell.of(onlineTrained(s), trainer)), new TreeMap<>());
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
                s.badRecords() + e.badRecords(), false, s.epochReports(), s.modelVersions(),
                counted(s.splitsByNode(), e.node()));
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
                s.badRecords() + e.badRecords(), false, s.epochReports(), s.modelVersions(),
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
     * The trained state as it stands while running: in the first epoch, the splits folded so far; later, the state at
     * the end of the previous epoch (part of a later epoch re-reads only some of the data: k-means re-estimates,
     * PCA would count those splits twice); in epochs that sync every N batches, the live global state; once every
     * epoch is merged, the final state.
     */
    State trainedState(JobState.Running s) {
        Trainer t = trainer;
        if (s.finalizing() || s.epoch() > 1 || syncEvery(s) > 0) return s.base().value(t);
        return epochResult(s);
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
                s.badRecords(), last, reports, s.modelVersions(), s.splitsByNode());
    }

    /**
     * A job that will do no more work; it keeps its trained state (the base after the last epoch when it
     * completed), from which tuning finalizes other versions.
     */
    static JobState.Finished finished(JobState.Running s, JobPhase phase, Optional<byte[]> model,
                                      Map<String, Double> metrics, Optional<String> error, Instant at) {
        return new JobState.Finished(s.jobId(), s.spec(), s.plan(), s.submittedAt(), phase, s.epoch(), s.records(),
                s.badRecords(), model, metrics, error, at, s.epochReports(),
                model.isPresent() ? Optional.of(1) : Optional.empty(), Optional.of(s.base()), s.splitsByNode());
    }

    /** The first model version of a job whose every epoch is merged. */
    static JobState.Finished modelFinalized(JobState.Running s, JobEvent.ModelFinalized e) {
        JobState.Finished f = finished(s, JobPhase.COMPLETED, Optional.of(e.model()), e.metrics(), Optional.empty(),
                e.at());
        return withModel(f, e.model(), e.metrics(), e.version().orElse(1));
    }

    /** A completed job with a new model version finalized from its stored state (tuning). */
    static JobState.Finished modelTuned(JobState.Finished f, JobEvent.ModelTuned e) {
        return withModel(f, e.model(), e.metrics(), e.version());
    }

    private static JobState.Finished withModel(JobState.Finished f, byte[] model, Map<String, Double> metrics,
                                               int version) {
        return new JobState.Finished(f.jobId(), f.spec(), f.plan(), f.submittedAt(), f.phase(), f.epoch(),
                f.records(), f.badRecords(), Optional.of(model), metrics, f.error(), f.finishedAt(),
                f.epochReports(), Optional.of(version), f.state(), f.splitsByNode());
    }

    /**
     * A completed job with data added: running again in its only epoch, its earlier splits counted as folded into the
     * stored state, so that only the added splits are leased, their partials start from the empty base as in the
     * first run, and they are folded in after the earlier ones: exactly the fold of one job over all the data.
     *
     * @throws IllegalStateException if the job kept no trained state (a snapshot from before states were kept)
     */
    JobState.Running dataAdded(JobState.Finished f, JobEvent.DataAdded e) {
        Trainer t = trainer;
        StateCell stored = f.state().orElseThrow(() -> new IllegalStateException("job " + f.jobId()
                + " kept no trained state to add data to"));
        List<Split> splits = new ArrayList<>(f.plan().train().splits());
        splits.addAll(e.added().splits());
        JobPlan p = f.plan();
        JobPlan plan = new JobPlan(p.schema(), new PlannedInput(p.train().format(), splits), p.validation(),
                p.test(), p.parallelism(), p.seed());
        StateCell empty = StateCell.of(t.emptyState(p.schema()), t);
        return new JobState.Running(f.jobId(), f.spec(), plan, f.submittedAt(), 1, p.splitsPerEpoch(),
                new TreeMap<>(), empty, stored, new TreeMap<>(), new TreeSet<>(), f.records(), f.badRecords(), false,
                f.epochReports(), Optional.of(f.currentVersion()), f.splitsByNode());
    }

    /**
     * Why data planned against a plan of {@code expectedSplits} splits cannot be added to the finished job
     * {@code f}, if it cannot: it did not complete, kept no state, took data meanwhile, or cannot take data at all.
     */
    Optional<String> addDataRefusal(JobState.Finished f, int expectedSplits) {
        if (f.phase() != JobPhase.COMPLETED) {
            return Optional.of("it is " + f.phase().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (f.state().isEmpty()) return Optional.of("it kept no trained state (it completed before states were kept)");
        if (expectedSplits != f.plan().splitsPerEpoch()) return Optional.of("data was added meanwhile; retry");
        return incrementalRefusal(f.plan());
    }

    /**
     * Why data cannot be added to a job of this plan, if it cannot: the state after more data equals one pass over all
     * the data only for jobs of one epoch that sync once per split (a later epoch, or SGD steps, would need the old
     * data again).
     */
    Optional<String> incrementalRefusal(JobPlan plan) {
        int epochs = trainer.schedule(plan.schema()).epochs();
        if (epochs != 1) {
            return Optional.of("the job runs " + epochs + " epochs over its data, so more data would need the old "
                    + "data read again; incremental training needs a job of one epoch (epochs = 1)");
        }
        if (trainer.syncPolicy(trainer.emptyState(plan.schema())) instanceof SyncPolicy.EveryNBatches) {
            return Optional.of("the algorithm trains by synchronized steps over its data; incremental training "
                    + "needs one that merges a partial per split");
        }
        return Optional.empty();
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
