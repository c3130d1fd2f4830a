package io.statewise.algorithms.search;

import io.statewise.algorithms.AlgorithmProvider;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a search optimizes: a metric of the children's final models (e.g. {@code validation_mse}) and whether lower
 * or higher is better. The goal of a known metric name follows from the name; the default metric is the algorithm's
 * ({@link AlgorithmProvider#defaultObjectiveMetric}).
 *
 * @param metric the metric's name in a job's metrics
 * @param goal   which way is better
 */
public record Objective(String metric, Goal goal) {

    /** Which way is better. */
    public enum Goal {
        MINIMIZE, MAXIMIZE;

        /** The goal called {@code name} ({@code minimize} or {@code maximize}). */
        public static Goal of(String name) {
            for (Goal g : values()) if (g.name().equalsIgnoreCase(name)) return g;
            throw new SearchException("objective.goal", "goal must be minimize or maximize, got '" + name + "'");
        }
    }

    /** Metrics where higher is better; every other known metric is a loss or an error. */
    private static final Set<String> HIGHER_IS_BETTER = Set.of("accuracy", "top_k_accuracy", "precision", "recall",
            "f1", "auc", "r2", "macro_precision", "macro_recall", "macro_f1", "npmi", "topic_diversity");
    /** (An interval's coverage is in neither: closer to its nominal level is better, not higher or lower.) */
    private static final Set<String> LOWER_IS_BETTER = Set.of("loss", "train_loss", "mse", "rmse", "mae", "log_loss",
            "cross_entropy", "total_loss", "reconstruction_loss", "kl_divergence", "perplexity", "mase", "smape", "nd",
            "wql", "mean_wql", "msd", "sse");

    /**
     * The objective of a request: {@code metric} with {@code goal} when given; without a goal, the goal of a known
     * metric; without a metric, the algorithm's default for the hyperparameters.
     *
     * @param algorithm       the children's algorithm
     * @param hyperParameters the search's fixed hyperparameters. Not modified.
     * @throws SearchException if no metric is given and the algorithm has no default, or the metric's goal is unknown
     */
    public static Objective of(AlgorithmProvider<?, ?> algorithm, Map<String, String> hyperParameters,
                               Optional<String> metric, Optional<String> goal) {
        String name = metric.map(m -> m.trim().toLowerCase(Locale.ROOT)).filter(m -> !m.isEmpty())
                .or(() -> algorithm.defaultObjectiveMetric(hyperParameters))
                .orElseThrow(() -> new SearchException("objective.metric", "name the metric to optimize: "
                        + algorithm.name() + " has no default objective"));
        if (goal.isPresent()) return new Objective(name, Goal.of(goal.get()));
        String bare = name.replaceFirst("^(validation|test)_", "");
        if (HIGHER_IS_BETTER.contains(bare)) return new Objective(name, Goal.MAXIMIZE);
        if (LOWER_IS_BETTER.contains(bare)) return new Objective(name, Goal.MINIMIZE);
        throw new SearchException("objective.goal", "metric '" + name + "' is not one whose direction is known: "
                + "give goal minimize or maximize");
    }
}
