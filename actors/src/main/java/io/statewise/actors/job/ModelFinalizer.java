package io.statewise.actors.job;

import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.State;
import io.statewise.algorithms.training.Trainer;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Computes a job's final model and its validation and test metrics. CPU- and I/O-bound: runs on the compute
 * dispatcher, split by split where the algorithm allows it, never on the job's actor thread, and never blocks a thread
 * of the dispatcher waiting for another.
 */
final class ModelFinalizer {

    /** The outcome: the encoded model and its metrics. */
    record Result(byte[] model, Map<String, Double> metrics) {}

    private ModelFinalizer() {}

    static CompletableFuture<Result> run(Trainer trainer, JobState.Running job, Executor compute) {
        return CompletableFuture.supplyAsync(() -> job.base().value(trainer), compute)
                .thenCompose(state -> run(trainer, state, job.plan(), job.spec().maxBadRecords(), compute));
    }

    /** The model of the trained {@code state} of a job of {@code plan}, scored on its validation and test data. */
    static CompletableFuture<Result> run(Trainer trainer, State state, JobPlan plan, long maxBad, Executor compute) {
        // With validation data, algorithms that hold several candidate models choose among them on it.
        CompletableFuture<Optional<SelectionScores>> scores = plan.validation()
                .map(v -> trainer.scoreCandidates(state, v.splits(), v.dataFormat(), plan.schema(), maxBad, compute))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
        return scores.thenApply(s -> trainer.finalizeModel(state, s))
                .thenCompose(model -> metrics(trainer, model, plan, maxBad, compute)
                        .thenApply(all -> new Result(trainer.encodeModel(model), all)));
    }

    /** The model's validation and test metrics, both evaluated at once. */
    private static CompletableFuture<Map<String, Double>> metrics(Trainer trainer, Model model, JobPlan plan,
                                                                  long maxBad, Executor compute) {
        CompletableFuture<Map<String, Double>> metrics = CompletableFuture.completedFuture(new TreeMap<>());
        for (var input : Map.of("validation_", plan.validation(), "test_", plan.test()).entrySet()) {
            if (input.getValue().isEmpty()) continue;
            PlannedInput in = input.getValue().get();
            metrics = metrics.thenCombine(trainer.evaluate(model, in.splits(), in.dataFormat(), plan.schema(), maxBad,
                    compute), (into, m) -> put(into, input.getKey(), m));
        }
        return metrics;
    }

    private static Map<String, Double> put(Map<String, Double> into, String prefix, Metrics metrics) {
        metrics.values().forEach((name, value) -> into.put(prefix + name, value));
        return into;
    }
}
