package io.statewise.algorithms.linear;

/**
 * The bookkeeping at the end of a training epoch: each model's epoch loss becomes its last loss (what selection
 * reads), early stopping compares it with the model's best ({@code early_stopping_patience} epochs whose relative
 * improvement stays below {@code early_stopping_tolerance} freeze the model: it is no longer updated, but still
 * scored), the running losses restart, and the score histograms are marked to be replaced by the next epoch's, so
 * that at the end they hold the last epoch's.
 */
final class EpochEnd {

    private EpochEnd() {}

    /**
     * The state after an epoch end. A state that is not MODEL, or saw no training record since the last epoch end
     * (the scaler epoch, or every model frozen), is returned as an unchanged copy.
     *
     * @param stopping the scores early stopping compares (validation), or null for the training losses
     */
    static LinearState apply(LinearState global, PackedScores stopping, LinearConfig cfg) {
        LinearState out = global.copy();
        if (global.kind != LinearState.Kind.MODEL) return out;
        boolean trained = false;
        for (int m = 0; m < out.lastLoss.length; m++) trained |= global.running.lossWeight(m) > 0;
        if (!trained) return out;
        for (int m = 0; m < out.lastLoss.length; m++) {
            double training = global.running.meanLoss(m);
            if (!Double.isNaN(training)) out.lastLoss[m] = training;
            if (out.frozen[m] || out.diverged[m]) continue;
            double loss = stopping == null ? training : stopping.meanLoss(m);
            if (Double.isNaN(loss)) continue;
            double best = out.bestLoss[m];
            boolean improved = best == Double.POSITIVE_INFINITY
                    || loss < best && best - loss >= cfg.earlyStoppingTolerance() * Math.abs(best);
            if (improved) {
                out.bestLoss[m] = loss;
                out.patience[m] = 0;
            } else if (++out.patience[m] >= cfg.earlyStoppingPatience()) {
                out.frozen[m] = true;
            }
        }
        out.running.clearLosses();
        out.histogramsStale = true;
        out.epochsDone++;
        return out;
    }
}
