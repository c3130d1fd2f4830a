package io.statewise.algorithms.linear;

import io.statewise.algorithms.Prediction;

/**
 * A binary classifier's prediction (SageMaker's {@code score} and {@code predicted_label}).
 *
 * @param score the predicted probability of class 1: the sigmoid of the linear output (for hinge loss a monotone
 *              score, 0.5 on the decision boundary, rather than a calibrated probability)
 * @param label 1 if {@code score} is at least the model's tuned threshold, else 0
 */
public record BinaryPrediction(double score, int label) implements Prediction {}
