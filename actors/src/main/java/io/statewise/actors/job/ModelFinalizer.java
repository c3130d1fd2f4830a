package io.statewise.actors.job;

import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.State;
import io.statewise.algorithms.training.Trainer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Computes a job's final model and its validation and test metrics. CPU- and I/O-bound: runs on the compute
 * dispatcher, never on the job's actor thread, and never blocks a thread of it waiting for another.
 */
final class ModelFinalizer {

    /** The outcome: the encoded model and its metrics. */
    record Result(byte[] model, Map<String, Double> metrics) {}

    private ModelFinalizer() {}

    static CompletableFuture<Result> run(Trainer trainer, JobState.Running job, Executor compute) {
        return CompletableFuture.supplyAsync(() -> job.base().value(trainer), compute)
                .thenCompose(state -> run(trainer, state, job.plan(), job.spec().maxBadRecords(), compute));
    }

    /**
     * The model of the trained {@code state} of a job of {@code plan}, scored on its validation and test data (both
     * at once, each split by split where the algorithm's evaluator allows it).
     */
    static CompletableFuture<Result> run(Trainer trainer, State state, JobPlan plan, long maxBad, Executor compute) {
        // With validation data, algorithms that hold several candidate models choose among them on it.
        return CompletableFuture.supplyAsync(() -> plan.validation()
                .map(v -> trainer.finalizeModel(state, v.splits(), v.dataFormat(), plan.schema(), maxBad))
                .orElseGet(() -> trainer.finalizeModel(state)), compute).thenCompose(model -> {
                    CompletableFuture<Map<String, Double>> metrics =
                            CompletableFuture.completedFuture(new TreeMap<>());
                    if (plan.validation().isPresent()) {
                        PlannedInput v = plan.validation().get();
                        metrics = metrics.thenCombine(trainer.evaluate(model, v.splits(), v.dataFormat(),
                                plan.schema(), maxBad, compute), (into, m) -> put(into, "validation_", m));
                    }
                    if (plan.test().isPresent()) {
                        PlannedInput t = plan.test().get();
                        metrics = metrics.thenCombine(trainer.evaluate(model, t.splits(), t.dataFormat(),
                                plan.schema(), maxBad, compute), (into, m) -> put(into, "test_", m));
                    }
                    return metrics.thenApply(all -> new Result(trainer.encodeModel(model), all));
                });
    }

    private static Map<String, Double> put(Map<String, Double> into, String prefix, Metrics metrics) {
        metrics.values().forEach((name, value) -> into.put(prefix + name, value));
        return into;
    }
}
