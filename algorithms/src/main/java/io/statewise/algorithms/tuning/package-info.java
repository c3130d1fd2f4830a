/**
 * Tuning from the state: finalize-time sweeps over hyperparameters that need no other data pass (k of k-means,
 * {@code num_components} of PCA, the linear learner's model selection and threshold), many settings finalized from
 * one stored state, scored in one pass over validation data (or on the state itself), one chosen.
 */
package io.statewise.algorithms.tuning;
