package io.statewise.actors.job;

import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.training.SplitOutcome;
import io.statewise.algorithms.training.Trainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A job's events as a run split by split persists them, for tests of the fold without actors or workers. */
final class FoldRuns {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private FoldRuns() {}

    /** The events of epoch {@code epoch} over {@code splits}: each merged in order, then the epoch's end. */
    static List<JobEvent> epoch(Trainer trainer, JobPlan plan, List<Split> splits, int epoch) {
        List<JobEvent> events = new ArrayList<>();
        for (Split split : splits) {
            SplitOutcome out = trainer.trainSplit(trainer.emptyState(plan.schema()), split, plan.train().dataFormat(),
                    plan.schema(), plan.seedFor(epoch, split.id()), 0, new AtomicLong(), () -> false);
            events.add(new JobEvent.SplitMerged(epoch, split.id(), trainer.encodeState(out.partial()), out.records(),
                    0, T0, Optional.empty()));
        }
        events.add(new JobEvent.EpochCompleted(epoch, Optional.empty(), T0));
        return events;
    }

    /** The events of job {@code id} that ran {@code epochs} epochs over {@code plan} and finalized model 1. */
    static List<JobEvent> completed(String id, JobSpec spec, JobPlan plan, int epochs) {
        Trainer trainer = JobPlanner.trainerFor(spec);
        List<JobEvent> events = new ArrayList<>();
        events.add(new JobEvent.JobSubmitted(id, spec, plan, T0));
        for (int epoch = 1; epoch <= epochs; epoch++) events.addAll(epoch(trainer, plan, plan.train().splits(), epoch));
        events.add(new JobEvent.ModelFinalized(new byte[] {1}, Map.of(), T0, Optional.of(1)));
        return events;
    }

    /** The state after {@code events}, folded by {@code fold} (which keeps the job's trainer for later reads). */
    static JobState fold(JobFold fold, List<JobEvent> events) {
        JobState state = new JobState.Empty();
        for (JobEvent e : events) state = fold.apply(state, e);
        return state;
    }
}
