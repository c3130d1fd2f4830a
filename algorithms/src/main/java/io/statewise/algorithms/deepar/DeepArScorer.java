package io.statewise.algorithms.deepar;

import io.statewise.algorithms.SelectionScorer;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.SeriesBatch;

/** Scores a state's parameters on validation series ({@link DeepArScores}) for early stopping. Single-threaded. */
final class DeepArScorer implements SelectionScorer {

    private final DeepArNetwork network;
    private final float[] params;
    private final SeriesChecks checks;
    private final WindowLoader loader;
    private final DeepArObjective objective;
    private final DeepArWorkspace ws;
    private double loss;
    private long observations;

    DeepArScorer(DeepArNetwork network, float[] params, SeriesChecks checks) {
        this.network = network;
        this.params = params.clone();
        this.checks = checks;
        this.loader = new WindowLoader(network);
        this.objective = new DeepArObjective(network);
        this.ws = new DeepArWorkspace(network);
    }

    @Override
    public void add(Batch batch) {
        if (!(batch instanceof SeriesBatch series)) {
            throw new IllegalArgumentException("deepar validates on time series, not "
                    + batch.getClass().getSimpleName());
        }
        checks.check(series, SeriesChecks.Use.TRAIN);
        if (series.isEmpty()) return;
        loader.last(params, series, ws);
        objective.forward(params, ws);
        int from = network.shape.contextLength();
        loss += objective.loss(ws, from, false);
        observations += DeepArObjective.scoredRows(ws, from);
    }

    @Override
    public DeepArScores result() {
        return new DeepArScores(loss, observations);
    }
}
