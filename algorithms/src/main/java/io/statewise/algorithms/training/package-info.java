/**
 * The data loops of training, independent of any runtime: {@link io.statewise.algorithms.training.Trainer} streams a
 * split through an algorithm's {@code update} and evaluates models, on erased state and model types.
 */
package io.statewise.algorithms.training;
