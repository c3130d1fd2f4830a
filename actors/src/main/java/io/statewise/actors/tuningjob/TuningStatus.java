package io.statewise.actors.tuningjob;

import io.statewise.actors.job.JobPhase;
import io.statewise.algorithms.search.SuccessiveHalving;
import io.statewise.persistence.CborSerializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tuning job as clients see it: every child with its configuration, rung, metric and cost, the rungs, and the best
 * child once the search completed.
 *
 * @param phase     {@link Phase#RUNNING}, {@link Phase#COMPLETED} or {@link Phase#FAILED}
 * @param objective the ranked metric's name; {@code goal} says which way is better
 * @param rungs     every rung of the schedule, with the children started and finished in it
 * @param children  every child started, in start order
 * @param best      the result: the child with the best metric in the last rung (once completed)
 * @param totalCost records trained by all finished children together
 */
public record TuningStatus(String tuningId, String algorithm, Phase phase, TuningSpec.Strategy strategy,
                           String objective, String goal, int maxParallelJobs, List<RungView> rungs,
                           List<ChildView> children, Optional<ChildView> best, long totalCost,
                           Optional<String> error, Instant startedAt, Optional<Instant> finishedAt)
        implements CborSerializable {

    /** Where a tuning job is. */
    public enum Phase { RUNNING, COMPLETED, FAILED }

    /** A rung: its size and epochs as scheduled, and its children started and finished so far. */
    public record RungView(int rung, int size, int epochs, int started, int finished) implements CborSerializable {}

    /** A child: its configuration (the searched values), rung, job, epochs, metric and cost. */
    public record ChildView(int configuration, Map<String, String> hyperParameters, int rung, String jobId,
                            int epochs, Optional<String> continues, JobPhase phase, Optional<Double> metric,
                            long cost, Optional<String> error) implements CborSerializable {}

    /** The status of the search in {@code state}, which is not {@link TuningState.Empty}. */
    static TuningStatus of(TuningState state) {
        TuningState.Running s = state instanceof TuningState.Finished f ? f.search() : (TuningState.Running) state;
        Optional<TuningState.Finished> finished = state instanceof TuningState.Finished f ? Optional.of(f)
                : Optional.empty();
        List<ChildView> children = new ArrayList<>();
        long cost = 0;
        for (Child c : s.children()) {
            children.add(new ChildView(c.configuration(), s.configurations().get(c.configuration()), c.rung(),
                    c.jobId(), c.epochs(), c.base(), c.phase(), c.metric(), c.cost(), c.error()));
            cost += c.cost();
        }
        List<RungView> rungs = new ArrayList<>();
        for (SuccessiveHalving.Rung r : s.spec().schedule().rungs()) {
            int started = (int) s.children().stream().filter(c -> c.rung() == r.index()).count();
            int done = (int) s.children().stream().filter(c -> c.rung() == r.index() && c.isFinished()).count();
            rungs.add(new RungView(r.index(), r.size(), r.epochs(), started, done));
        }
        Optional<String> bestId = finished.flatMap(TuningState.Finished::bestJobId);
        Optional<ChildView> best = children.stream().filter(c -> bestId.equals(Optional.of(c.jobId()))).findFirst();
        Phase phase = finished.map(f -> f.bestJobId().isPresent() ? Phase.COMPLETED : Phase.FAILED)
                .orElse(Phase.RUNNING);
        return new TuningStatus(s.tuningId(), s.spec().algorithm(), phase, s.spec().strategy(),
                s.spec().objective().metric(), s.spec().objective().goal().name().toLowerCase(java.util.Locale.ROOT),
                s.spec().maxParallelJobs(), rungs, children, best, cost,
                finished.flatMap(TuningState.Finished::error), s.startedAt(),
                finished.map(TuningState.Finished::finishedAt));
    }
}
