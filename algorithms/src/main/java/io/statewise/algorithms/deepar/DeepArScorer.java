package io.statewise.algorithms.deepar;

import io.statewise.algorithms.SelectionScorer;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.SeriesBatch;

/**
 * Scores a state's parameters on validation series ({@link DeepArScores}) for early stopping: the negative
 * log-likelihood of the prediction part of each series' last {@link #WINDOWS} back-to-back windows (ending at its
 * end, one {@code prediction_length} before it, ...) that training could draw, teacher-forced. The windows are
 * fixed, so consecutive epochs are compared on the same values. Single-threaded.
 */
final class DeepArScorer implements SelectionScorer {

    /**
     * Windows scored per series, at most. One window scores only each series' last {@code prediction_length} values:
     * on M3 monthly (1,428 series, horizon 18) its loss swung between -0.50 and -0.75 over consecutive late epochs
     * and early stopping fired on those swings. Each window costs a forward pass over the validation series.
     */
    static final int WINDOWS = 3;

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
        int from = network.shape.contextLength();
        int horizon = network.shape.predictionLength();
        for (int k = 0; k < WINDOWS; k++) {
            loader.endingBefore(params, series, ws, k * horizon);
            int scored = DeepArObjective.scoredRows(ws, from);
            if (scored == 0) break; // no series of the batch is long enough for more
            objective.forward(params, ws);
            loss += objective.loss(ws, from, false);
            observations += scored;
        }
    }

    @Override
    public DeepArScores result() {
        return new DeepArScores(loss, observations);
    }
}
