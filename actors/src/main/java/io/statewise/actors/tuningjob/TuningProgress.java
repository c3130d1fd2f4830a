package io.statewise.actors.tuningjob;

import io.statewise.algorithms.search.SuccessiveHalving;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What a running search does next, as a pure function of its state: start the next children of the current rung
 * (within {@code max_parallel_jobs}), promote the best of a finished rung to the next one (each continues its
 * previous child: same configuration, more epochs), or end with the best child of the last rung. Rungs are
 * synchronous: a rung's promotions are decided once all its children finished, from their metrics alone, so replay
 * and a restart mid-rung decide the same.
 */
final class TuningProgress {

    private TuningProgress() {}

    /** The next step. */
    sealed interface Next {}

    /** Children to name and submit now. */
    record StartChildren(List<ChildPlan> children) implements Next {}

    /** The search is over; {@code bestJobId} is its result. */
    record Complete(String bestJobId) implements Next {}

    /** The search cannot go on. */
    record Fail(String reason) implements Next {}

    /** Children are training; nothing to start. */
    enum Wait implements Next { INSTANCE }

    /** A child to start: its configuration, rung, total epochs, and the child it continues. */
    record ChildPlan(int configuration, int rung, int epochs, Optional<String> base) {}

    /** The child job id of a configuration in a rung: fixed, so that a restarted search finds its children. */
    static String childId(String tuningId, int configuration, int rung) {
        return tuningId + "-c" + configuration + "-r" + rung;
    }

    static Next next(TuningState.Running s) {
        SuccessiveHalving schedule = s.spec().schedule();
        int rung = s.children().stream().mapToInt(Child::rung).max().orElse(0);
        List<Child> inRung = s.children().stream().filter(c -> c.rung() == rung).toList();
        List<Integer> members = members(s, schedule, rung);
        long running = s.children().stream().filter(c -> !c.isFinished()).count();
        if (inRung.size() < members.size()) {
            return startNext(s, schedule, rung, members, inRung, running);
        }
        if (running > 0) return Wait.INSTANCE;
        List<SuccessiveHalving.Score> scores = inRung.stream()
                .map(c -> new SuccessiveHalving.Score(c.configuration(), c.metricOrNaN())).toList();
        if (scores.stream().allMatch(sc -> Double.isNaN(sc.metric()))) {
            return new Fail("no child of rung " + rung + " reported " + s.spec().objective().metric()
                    + firstError(inRung));
        }
        if (schedule.isLast(rung)) {
            int best = SuccessiveHalving.best(scores, s.spec().objective().goal(), 1).get(0);
            return new Complete(childOf(inRung, best).jobId());
        }
        return startNext(s, schedule, rung + 1, members(s, schedule, rung + 1), List.of(), running);
    }

    /**
     * The configurations of {@code rung}: all of them in the first; later, the best of the previous rung, among
     * those with a metric (a failed child has no state to continue).
     */
    private static List<Integer> members(TuningState.Running s, SuccessiveHalving schedule, int rung) {
        if (rung == 0) return IntStream.range(0, s.configurations().size()).boxed().toList();
        List<SuccessiveHalving.Score> previous = s.children().stream().filter(c -> c.rung() == rung - 1)
                .filter(c -> c.metric().isPresent())
                .map(c -> new SuccessiveHalving.Score(c.configuration(), c.metric().get())).toList();
        return schedule.promoted(rung - 1, previous, s.spec().objective().goal());
    }

    private static Next startNext(TuningState.Running s, SuccessiveHalving schedule, int rung, List<Integer> members,
                                  List<Child> started, long running) {
        long free = s.spec().maxParallelJobs() - running;
        List<ChildPlan> plans = new ArrayList<>();
        for (int configuration : members) {
            if (plans.size() >= free) break;
            if (started.stream().anyMatch(c -> c.configuration() == configuration)) continue;
            Optional<String> base = rung == 0 ? Optional.empty()
                    : Optional.of(childOf(s.children(), configuration, rung - 1).jobId());
            plans.add(new ChildPlan(configuration, rung, schedule.rung(rung).epochs(), base));
        }
        return plans.isEmpty() ? Wait.INSTANCE : new StartChildren(plans);
    }

    private static Child childOf(List<Child> children, int configuration) {
        return children.stream().filter(c -> c.configuration() == configuration).findFirst().orElseThrow();
    }

    private static Child childOf(List<Child> children, int configuration, int rung) {
        return children.stream().filter(c -> c.configuration() == configuration && c.rung() == rung).findFirst()
                .orElseThrow();
    }

    private static String firstError(List<Child> children) {
        return children.stream().flatMap(c -> c.error().stream()).findFirst().map(e -> " (first error: " + e + ")")
                .orElse("");
    }
}
