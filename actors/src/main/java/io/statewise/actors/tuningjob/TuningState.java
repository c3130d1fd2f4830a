package io.statewise.actors.tuningjob;

import io.statewise.persistence.CborSerializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tuning job's persistent state: immutable values, changed only by {@link TuningEvent}s ({@link #apply}). */
public sealed interface TuningState extends CborSerializable {

    /** The state after {@code event}. Pure: replay runs it too. */
    TuningState apply(TuningEvent event);

    /** No tuning job has this id (yet). */
    record Empty() implements TuningState {
        @Override
        public TuningState apply(TuningEvent event) {
            if (event instanceof TuningEvent.TuningStarted e) {
                return new Running(e.tuningId(), e.spec(), e.configurations(), e.at(), List.of());
            }
            throw new IllegalStateException(event.getClass().getSimpleName() + " cannot start a tuning job");
        }
    }

    /**
     * Searching.
     *
     * @param configurations the drawn configurations, by index
     * @param children       every child named so far, in the order they were started
     */
    record Running(String tuningId, TuningSpec spec, List<Map<String, String>> configurations, Instant startedAt,
                   List<Child> children) implements TuningState {
        public Running {
            configurations = List.copyOf(configurations);
            children = List.copyOf(children);
        }

        @Override
        public TuningState apply(TuningEvent event) {
            if (event instanceof TuningEvent.ChildStarted e) {
                List<Child> next = new ArrayList<>(children);
                next.add(Child.started(e));
                return new Running(tuningId, spec, configurations, startedAt, next);
            }
            if (event instanceof TuningEvent.ChildFinished e) {
                List<Child> next = new ArrayList<>(children.size());
                for (Child c : children) next.add(c.jobId().equals(e.jobId()) ? c.finished(e) : c);
                return new Running(tuningId, spec, configurations, startedAt, next);
            }
            if (event instanceof TuningEvent.TuningCompleted e) {
                return new Finished(this, Optional.of(e.bestJobId()), Optional.empty(), e.at());
            }
            if (event instanceof TuningEvent.TuningFailed e) {
                return new Finished(this, Optional.empty(), Optional.of(e.reason()), e.at());
            }
            throw new IllegalStateException(event.getClass().getSimpleName() + " cannot follow a running search");
        }

        /** The child of {@code jobId}, if this search started it. */
        public Optional<Child> child(String jobId) {
            return children.stream().filter(c -> c.jobId().equals(jobId)).findFirst();
        }
    }

    /**
     * Completed (with the best child) or failed (with the reason).
     *
     * @param search the search as it ended
     */
    record Finished(Running search, Optional<String> bestJobId, Optional<String> error, Instant finishedAt)
            implements TuningState {
        public Finished {
            bestJobId = bestJobId == null ? Optional.empty() : bestJobId;
            error = error == null ? Optional.empty() : error;
        }

        @Override
        public TuningState apply(TuningEvent event) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " cannot follow a finished search");
        }
    }
}
