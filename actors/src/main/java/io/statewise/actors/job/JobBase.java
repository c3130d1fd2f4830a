package io.statewise.actors.job;

import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.State;
import io.statewise.algorithms.training.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks that a new job may start from its base job's trained state ({@link JobSpec#base()}), and gives that state
 * in the new job's encoding. The base must have completed, with the same algorithm and data schema; the new job must
 * be one that can take more data (one epoch, a partial merged per split: see {@link JobTransitions}); and the states
 * must be compatible: the base state must decode and merge as the new job's own, at the same size. When they are not,
 * the hyperparameters that differ are named, with the reason the states do not fit. CPU-bound: call it off actor
 * threads.
 */
public final class JobBase {

    private JobBase() {}

    /**
     * The base job's trained state for the new job of {@code spec} and {@code plan}.
     *
     * @param baseFold  the fold that replayed the base job's events
     * @param baseState the base job's state after them
     * @throws JobRejectedException (field {@code base}) when the new job cannot start from it, saying why
     */
    public static byte[] stateFor(JobSpec spec, JobPlan plan, JobFold baseFold, JobState baseState) {
        String baseId = spec.base().orElseThrow();
        if (!(baseState instanceof JobState.Finished base) || base.phase() != JobPhase.COMPLETED) {
            throw reject("base job '" + baseId + "' has no trained state to start from: it is "
                    + JobPhase.of(baseState).name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!base.spec().algorithm().equals(spec.algorithm())) {
            throw reject("base job '" + baseId + "' trained " + base.spec().algorithm() + ", not " + spec.algorithm()
                    + ": a state is read only by its own algorithm");
        }
        if (!base.plan().schema().equals(plan.schema())) {
            throw reject("base job '" + baseId + "' trained on data of " + base.plan().schema().features()
                    + " features, this job's data has " + plan.schema().features());
        }
        Trainer trainer = JobPlanner.trainerFor(spec);
        new JobTransitions(trainer).incrementalRefusal(plan).ifPresent(why -> {
            throw reject("this job cannot start from a base: " + why);
        });
        State trained = baseFold.trainedState(base).orElseThrow(() -> reject("base job '" + baseId
                + "' kept no trained state"));
        byte[] bytes = baseFold.trainer(base.spec()).encodeState(trained);
        State fresh = trainer.emptyState(plan.schema());
        int freshSize = trainer.encodeState(fresh).length;
        String why;
        try {
            trainer.merge(fresh, trainer.decodeState(bytes));
            if (bytes.length == freshSize) return bytes;
            why = "its state takes " + bytes.length + " bytes, this job's " + freshSize;
        } catch (RuntimeException e) {
            why = e.getMessage();
        }
        List<String> differ = differing(baseFold.trainer(base.spec()), trainer);
        throw reject("base job '" + baseId + "' has a state this job cannot continue"
                + (differ.isEmpty() ? "" : " (hyperparameters that differ: " + String.join(", ", differ) + ")")
                + ": " + why);
    }

    /** {@code name (base X, this job Y)} for every validated hyperparameter whose values differ. */
    private static List<String> differing(Trainer base, Trainer job) {
        Map<String, Object> a = base.algorithm().hyperParameters().asMap();
        Map<String, Object> b = job.algorithm().hyperParameters().asMap();
        List<String> out = new ArrayList<>();
        for (var e : b.entrySet()) {
            Object was = a.get(e.getKey());
            if (!Objects.equals(was, e.getValue())) {
                out.add(e.getKey() + " (base " + was + ", this job " + e.getValue() + ")");
            }
        }
        return out;
    }

    private static JobRejectedException reject(String message) {
        return new JobRejectedException("base", message);
    }
}
