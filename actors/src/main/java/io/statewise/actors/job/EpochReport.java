package io.statewise.actors.job;

import java.util.Map;

/**
 * What a job reports of one completed epoch: the algorithm's {@code epochMetrics} (for example the best training and
 * validation losses and the packed models still training). Derived from the job's events, so replay rebuilds it.
 *
 * @param epoch   the epoch, 1-based
 * @param metrics the algorithm's metrics of the epoch; empty for algorithms that report none
 */
public record EpochReport(int epoch, Map<String, Double> metrics) {
    public EpochReport {
        metrics = Map.copyOf(metrics);
    }
}
