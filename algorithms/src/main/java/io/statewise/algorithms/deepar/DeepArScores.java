package io.statewise.algorithms.deepar;

import io.statewise.algorithms.SelectionScores;

/**
 * DeepAR's validation scores: the negative log-likelihood of each validation series' last {@code prediction_length}
 * values given the {@code context_length} before them (teacher-forced, no dropout), summed, with the values scored.
 *
 * @param loss         summed negative log-likelihood
 * @param observations observed values scored
 */
public record DeepArScores(double loss, long observations) implements SelectionScores {

    @Override
    public DeepArScores plus(SelectionScores other) {
        if (!(other instanceof DeepArScores o)) throw new IllegalArgumentException("not DeepAR scores: " + other);
        return new DeepArScores(loss + o.loss, observations + o.observations);
    }

    /** The loss per observed value, what early stopping compares; NaN without observations. */
    public double meanLoss() {
        return observations == 0 ? Double.NaN : loss / observations;
    }
}
