package io.statewise.actors.job;

import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.State;
import io.statewise.algorithms.training.Trainer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a job's final model and its validation and test metrics. CPU- and I/O-bound: runs on the compute
 * dispatcher, never on the job's actor thread.
 */
final class ModelFinalizer {

    /** The outcome: the encoded model and its metrics. */
    record Result(byte[] model, Map<String, Double> metrics) {}

    private ModelFinalizer() {}

    static Result run(Trainer trainer, JobState.Running job) {
        return run(trainer, job.base().value(trainer), job.plan(), job.spec().maxBadRecords());
    }

    /** The model of the trained {@code state} of a job of {@code plan}, scored on its validation and test data. */
    static Result run(Trainer trainer, State state, JobPlan plan, long maxBad) {
        // With validation data, algorithms that hold several candidate models choose among them on it.
        Model model = plan.validation()
                .map(v -> trainer.finalizeModel(state, v.splits(), v.dataFormat(), plan.schema(), maxBad))
                .orElseGet(() -> trainer.finalizeModel(state));
        Map<String, Double> metrics = new TreeMap<>();
        plan.validation().ifPresent(v -> put(metrics, "validation_",
                trainer.evaluate(model, v.splits(), v.dataFormat(), plan.schema(), maxBad)));
        plan.test().ifPresent(t -> put(metrics, "test_",
                trainer.evaluate(model, t.splits(), t.dataFormat(), plan.schema(), maxBad)));
        return new Result(trainer.encodeModel(model), metrics);
    }

    private static void put(Map<String, Double> into, String prefix, Metrics metrics) {
        metrics.values().forEach((name, value) -> into.put(prefix + name, value));
    }
}
