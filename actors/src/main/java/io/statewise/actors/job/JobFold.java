package io.statewise.actors.job;

import io.statewise.algorithms.State;
import io.statewise.algorithms.training.Trainer;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a job's events to its state: the one code path of live recovery ({@link TrainingJob}'s event handler) and
 * of replay outside the actor ({@link #replay}, the model as of any event). Pure: the state after a sequence of events
 * depends on the events alone. Holds the job's {@link JobTransitions}, built from the spec of its first event.
 *
 * <p>Not thread-safe: one fold per job and thread (the actor's, or a replay's).
 */
public final class JobFold {

    private JobTransitions transitions;

    /** A fold with no job yet: its first event must be {@link JobEvent.JobSubmitted}. */
    public JobFold() {}

    /**
     * The state after {@code event}.
     *
     * @throws IllegalStateException if the event cannot follow the state (a journal not written by a job)
     */
    public JobState apply(JobState state, JobEvent event) {
        if (state instanceof JobState.Empty && event instanceof JobEvent.JobSubmitted e) {
            return e.spec().online() ? transitions(e.spec()).onlineStarted(e) : transitions(e.spec()).submitted(e);
        }
        if (state instanceof JobState.Online s) {
            if (event instanceof JobEvent.RecordsMerged e) return transitions(s.spec()).recordsMerged(s, e);
            if (event instanceof JobEvent.ModelFinalized e) return transitions(s.spec()).onlineClosed(s, e);
            if (event instanceof JobEvent.JobFailed e) {
                return transitions(s.spec()).onlineStopped(s, JobPhase.FAILED, Optional.of(e.reason()), e.at());
            }
            if (event instanceof JobEvent.JobCancelled e) {
                return transitions(s.spec()).onlineStopped(s, JobPhase.CANCELLED, Optional.empty(), e.at());
            }
        }
        if (state instanceof JobState.Running s) {
            JobTransitions t = transitions(s.spec());
            if (event instanceof JobEvent.SplitMerged e) return t.splitMerged(s, e);
            if (event instanceof JobEvent.SegmentMerged e) return e.applied() ? s : t.segmentMerged(s, e);
            if (event instanceof JobEvent.SyncCheckpointed e) return e.state();
            if (event instanceof JobEvent.EpochCompleted e) return t.epochCompleted(s, e);
            if (event instanceof JobEvent.ModelFinalized e) return JobTransitions.modelFinalized(s, e);
            if (event instanceof JobEvent.JobFailed e) {
                return JobTransitions.finished(s, JobPhase.FAILED, Optional.empty(), Map.of(),
                        Optional.of(e.reason()), e.at());
            }
            if (event instanceof JobEvent.JobCancelled e) {
                return JobTransitions.finished(s, JobPhase.CANCELLED, Optional.empty(), Map.of(), Optional.empty(),
                        e.at());
            }
        }
        if (state instanceof JobState.Finished f && event instanceof JobEvent.ModelTuned e) {
            return JobTransitions.modelTuned(f, e);
        }
        if (state instanceof JobState.Finished f && event instanceof JobEvent.DataAdded e) {
            return transitions(f.spec()).dataAdded(f, e);
        }
        throw new IllegalStateException(event.getClass().getSimpleName() + " cannot follow a job in state "
                + state.getClass().getSimpleName());
    }

    /** The state after every event of {@code events}, in order, from no job. */
    public static JobState replay(Iterable<? extends JobEvent> events) {
        JobFold fold = new JobFold();
        JobState state = new JobState.Empty();
        for (JobEvent e : events) state = fold.apply(state, e);
        return state;
    }

    /**
     * The job's trained state as it stands in {@code state}: while training, what {@link JobTransitions#trainedState}
     * says (in the first epoch the splits folded so far: those that arrived early and wait for their turn are not);
     * once finished, the state its models were finalized from. Empty before the job exists.
     */
    public Optional<State> trainedState(JobState state) {
        if (state instanceof JobState.Running r) return Optional.of(transitions(r.spec()).trainedState(r));
        if (state instanceof JobState.Online o) return Optional.of(transitions(o.spec()).onlineTrained(o));
        if (state instanceof JobState.Finished f) {
            Trainer t = trainer(f.spec());
            return f.state().map(cell -> cell.value(t));
        }
        return Optional.empty();
    }

    /** The job's algorithm, configured with its hyperparameters. */
    public Trainer trainer(JobSpec spec) {
        return transitions(spec).trainer();
    }

    JobTransitions transitions(JobSpec spec) {
        if (transitions == null) transitions = new JobTransitions(JobPlanner.trainerFor(spec));
        return transitions;
    }
}
