package io.statewise.actors.job;

import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.State;
import io.statewise.algorithms.training.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a new job may start from its base job's trained state ({@link JobSpec#base()}), and gives that state
 * in the new job's encoding. The base must have completed, with the same algorithm and data schema. Two kinds of job
 * start from a base:
 * <ul>
 *   <li>a job that can take more data (one epoch, a partial merged per split: see {@link JobTransitions}) folds its
 *       own data into the base state, as if the data had been added to the base job; the states must decode and
 *       merge as the new job's own, at the same size;</li>
 *   <li>a job of several epochs (or synchronized steps) <b>continues</b> the base's training: the same training data
 *       and hyperparameters but a larger {@code epochs}, starting at the epoch after the base's last from the base
 *       state (parameters, optimizer moments, epoch and early-stopping counters). Tuning jobs continue promising
 *       children this way instead of training them again.</li>
 * </ul>
 * When a base does not fit, the hyperparameters that differ are named, with the reason. CPU-bound: call it off actor
 * threads.
 */
public final class JobBase {

    /** The hyperparameter a continuation may change. */
    private static final String EPOCHS = "epochs";

    /**
     * How a job starts from its base.
     *
     * @param state            the base's trained state in the new job's encoding
     * @param continuesAtEpoch the first epoch the new job runs when it continues the base's training; empty when it
     *                         folds its data into the base state
     */
    public record Start(byte[] state, Optional<Integer> continuesAtEpoch) {}

    private JobBase() {}

    /**
     * How the new job of {@code spec} and {@code plan} starts from its base job.
     *
     * @param baseFold  the fold that replayed the base job's events
     * @param baseState the base job's state after them
     * @throws JobRejectedException (field {@code base}) when the new job cannot start from it, saying why
     */
    public static Start startFor(JobSpec spec, JobPlan plan, JobFold baseFold, JobState baseState) {
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
        State trained = baseFold.trainedState(base).orElseThrow(() -> reject("base job '" + baseId
                + "' kept no trained state"));
        byte[] bytes = baseFold.trainer(base.spec()).encodeState(trained);
        Optional<String> incremental = new JobTransitions(trainer).incrementalRefusal(plan);
        if (incremental.isPresent()) {
            return continuation(baseId, base, baseFold.trainer(base.spec()), trainer, plan, bytes,
                    incremental.get());
        }
        State fresh = trainer.emptyState(plan.schema());
        int freshSize = trainer.encodeState(fresh).length;
        String why;
        try {
            trainer.merge(fresh, trainer.decodeState(bytes));
            if (bytes.length == freshSize) return new Start(bytes, Optional.empty());
            why = "its state takes " + bytes.length + " bytes, this job's " + freshSize;
        } catch (RuntimeException e) {
            why = e.getMessage();
        }
        throw incompatible(baseId, differing(baseFold.trainer(base.spec()), trainer, Set.of()), why);
    }

    /**
     * A job of several epochs that continues its base's training: same training data, hyperparameters equal but
     * {@code epochs}, and more epochs than the base ran.
     */
    private static Start continuation(String baseId, JobState.Finished base, Trainer baseTrainer, Trainer trainer,
                                      JobPlan plan, byte[] bytes, String notIncremental) {
        if (!base.plan().train().splits().equals(plan.train().splits())) {
            throw reject("this job cannot start from a base: " + notIncremental + "; a job of several epochs "
                    + "continues a base only over the base's own training data, with more epochs");
        }
        List<String> differ = differing(baseTrainer, trainer, Set.of(EPOCHS));
        if (!differ.isEmpty()) {
            throw reject("this job continues base job '" + baseId + "' with more epochs, so only epochs may differ;"
                    + " hyperparameters that differ: " + String.join(", ", differ));
        }
        int done = base.epoch();
        int total = trainer.schedule(plan.schema()).epochs();
        if (total <= done) {
            throw reject("base job '" + baseId + "' already ran " + done + " epochs of its schedule and this job's "
                    + "schedule has " + total + ": raise epochs to continue its training");
        }
        // The state after some epochs may differ in size from an empty one (an NTM's vocabulary pass gives way to
        // the network), so the check is that this job reads the base state as its own, byte for byte.
        int read;
        try {
            read = trainer.encodeState(trainer.decodeState(bytes)).length;
        } catch (RuntimeException e) {
            throw incompatible(baseId, List.of(), e.getMessage());
        }
        if (read != bytes.length) {
            throw incompatible(baseId, List.of(), "its state of " + bytes.length + " bytes reads back as " + read);
        }
        return new Start(bytes, Optional.of(done + 1));
    }

    private static JobRejectedException incompatible(String baseId, List<String> differ, String why) {
        return reject("base job '" + baseId + "' has a state this job cannot continue"
                + (differ.isEmpty() ? "" : " (hyperparameters that differ: " + String.join(", ", differ) + ")")
                + ": " + why);
    }

    /** {@code name (base X, this job Y)} for every validated hyperparameter whose values differ. */
    private static List<String> differing(Trainer base, Trainer job, Set<String> ignored) {
        Map<String, Object> a = base.algorithm().hyperParameters().asMap();
        Map<String, Object> b = job.algorithm().hyperParameters().asMap();
        List<String> out = new ArrayList<>();
        for (var e : b.entrySet()) {
            if (ignored.contains(e.getKey())) continue;
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
