package io.statewise.algorithms.deepar;

import io.statewise.algorithms.data.SeriesBatch;
import io.statewise.algorithms.nn.GaussianSampler;
import io.statewise.algorithms.nn.GradientPolicy;
import io.statewise.algorithms.nn.Optimizer;

/**
 * One mini-batch of series for a partial: every series is counted; then {@code windows_per_series} times, one window
 * is drawn from each series ({@link WindowLoader}) and the mean negative log-likelihood of their observed values
 * drives one Adam step, at the learning rate of the partial's decays ({@link LearningRateSchedule}). A step whose
 * loss or gradient is not finite is skipped and counted.
 */
final class TrainingStep {

    private final DeepArNetwork network;
    private final WindowLoader loader;
    private final DeepArObjective objective;
    private final LearningRateSchedule schedule;
    private final GradientPolicy policy;
    private final DeepArConfig config;

    TrainingStep(DeepArNetwork network, DeepArConfig config) {
        this.network = network;
        this.loader = new WindowLoader(network);
        this.objective = new DeepArObjective(network);
        this.schedule = config.learningRateSchedule();
        this.policy = config.gradientPolicy();
        this.config = config;
    }

    /** Trains {@code partial} on {@code batch} (already checked). */
    void apply(DeepArState partial, SeriesBatch batch) {
        partial.records += batch.size();
        if (batch.isEmpty()) return;
        DeepArWorkspace ws = partial.workspace(network);
        GaussianSampler random = new GaussianSampler(partial.random);
        int count = network.layout.trainableSize();
        Optimizer optimizer = config.updateRule(schedule.rate(partial.learningRateDecays));
        for (int round = 0; round < config.windowsPerSeries(); round++) {
            loader.training(partial.params, batch, ws, random, config.windowHalfLife(), config.dropoutRate());
            int observed = DeepArObjective.scoredRows(ws, 0);
            if (observed == 0) continue;
            double loss = objective.lossAndGradient(partial.params, ws, 0);
            if (Double.isFinite(loss) && GradientPolicy.allFinite(ws.gradient, count)) {
                optimizer.step(partial.params, ws.gradient, partial.moments, count, partial.totalSteps() + 1, policy);
                partial.steps++;
                partial.windows += batch.size();
                partial.observations += observed;
                partial.epochLoss += loss;
                partial.epochObservations += observed;
            } else {
                partial.skippedBatches++;
            }
        }
        partial.random = random.state();
    }
}
