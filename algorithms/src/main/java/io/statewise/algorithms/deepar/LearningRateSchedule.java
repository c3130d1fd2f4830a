package io.statewise.algorithms.deepar;

/**
 * Learning-rate decay on plateau, as GluonTS's DeepAR trainer (and so SageMaker's DeepAR) does: every
 * {@code patience} epochs in a row without a lower compared loss (the validation loss, or the training loss without
 * validation data) the rate is multiplied by {@code factor}, never below {@code minimum}. Late in training a
 * constant rate keeps the parameters jumping around a minimum, so the loss of consecutive epochs swings and early
 * stopping fires on noise; a smaller rate settles them. Early in training the loss swings too, while the network is
 * still far from any minimum (more so when workers average their parameters): a decay then only slows training
 * down, so none happens in the first {@code warmupEpochs} epochs. A state records only how many decays happened, so
 * the schedule is a pure function of its bookkeeping and survives merges, resumes and the codec. Immutable.
 *
 * @param initial      the first rate ({@code learning_rate})
 * @param factor       the multiplier of one decay, in (0, 1]; 1 = none
 * @param patience     epochs without improvement per decay; 0 = none
 * @param warmupEpochs epochs at the start of training that end without a decay, whatever the loss did
 * @param minimum      the lowest rate
 */
record LearningRateSchedule(double initial, double factor, int patience, int warmupEpochs, double minimum) {

    LearningRateSchedule {
        if (!(factor > 0 && factor <= 1) || patience < 0 || warmupEpochs < 0 || !(minimum > 0)) {
            throw new IllegalArgumentException("bad learning-rate schedule: " + this);
        }
    }

    /** The rate after {@code decays} decays: {@code max(minimum, initial * factor^decays)}, not above initial. */
    double rate(int decays) {
        return Math.min(initial, Math.max(minimum, initial * Math.pow(factor, decays)));
    }

    /**
     * The decays after the end of epoch {@code epochsDone} (1 for the first) that left
     * {@code epochsWithoutImprovement} epochs in a row without a lower loss: one more when that count has just
     * reached a multiple of {@code patience}, past the warm-up.
     */
    int decaysAfterEpoch(int decays, int epochsWithoutImprovement, int epochsDone) {
        boolean plateau = patience > 0 && epochsWithoutImprovement > 0 && epochsWithoutImprovement % patience == 0;
        return plateau && epochsDone > warmupEpochs ? decays + 1 : decays;
    }
}
