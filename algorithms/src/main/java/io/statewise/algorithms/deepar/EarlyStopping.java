package io.statewise.algorithms.deepar;

/**
 * The end of an epoch: its mean training loss (negative log-likelihood per observed value, each batch measured
 * before its step) becomes the last loss. With {@code early_stopping_patience} p > 0, the validation loss when the job
 * has validation data (else the training loss) is compared with the best so far: p epochs in a row without a lower
 * one stop training (SageMaker DeepAR's rule). The parameters of the epoch with the lowest compared loss are kept for
 * the model: with asynchronous workers the last epoch is not always the best one. The same count of epochs without a
 * lower loss decays the learning rate after its warm-up ({@link LearningRateSchedule}).
 */
final class EarlyStopping {

    private EarlyStopping() {}

    /**
     * The state after an epoch end; an unchanged copy if no window was trained on since the last one.
     *
     * @param validationLoss the epoch model's validation loss, or NaN to compare the training loss
     */
    static DeepArState endEpoch(DeepArState global, DeepArConfig config, double validationLoss) {
        DeepArState out = global.copy();
        if (global.epochObservations == 0) return out;
        double loss = global.epochLoss / global.epochObservations;
        double bestBefore = out.progress.bestLoss();
        out.progress.endEpoch(loss, Double.isNaN(validationLoss) ? loss : validationLoss, 0,
                config.earlyStoppingPatience());
        if (out.progress.bestLoss() != bestBefore) out.best = out.params.clone();
        out.learningRateDecays = config.learningRateSchedule().decaysAfterEpoch(global.learningRateDecays,
                out.progress.patience(), out.progress.epochsDone());
        out.epochLoss = 0;
        out.epochObservations = 0;
        return out;
    }
}
