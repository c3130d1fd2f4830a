package io.statewise.algorithms.linear;

import io.statewise.algorithms.Prediction;

/**
 * A regressor's prediction (SageMaker's linear learner returns it as {@code score}).
 *
 * @param value the predicted label
 */
public record Regression(double value) implements Prediction {}
