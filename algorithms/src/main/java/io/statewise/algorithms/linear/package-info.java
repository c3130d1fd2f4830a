/**
 * SageMaker's linear learner (Liberty et al., "Elastic Machine Learning Algorithms in Amazon SageMaker", SIGMOD
 * 2020): regression, binary and multiclass classification with model packing.
 * {@link io.statewise.algorithms.linear.LinearLearner} runs a scaler pass (exactly mergeable feature and label
 * moments of a sample) and then trains many packed linear models per mini-batch ({@code PackedStep}: one read of the
 * batch for all models); training partials contribute parameter changes that the runtime averages and applies as a
 * parameter server ({@code DeltaMerge}). Finalize selects a packed model by loss or, for binary classifiers, by a
 * criterion at a threshold tuned on score histograms, and folds the normalizer into the weights.
 */
package io.statewise.algorithms.linear;
