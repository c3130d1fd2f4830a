/**
 * Tuning jobs: a search over hyperparameters that need training, run as child training jobs. A
 * {@link io.statewise.actors.tuningjob.TuningJob} is an event-sourced entity that starts children within a
 * concurrency limit, scores them on their validation metric and, under successive halving, continues the promising
 * ones from their stored states with more epochs ({@link io.statewise.actors.job.JobBase}) instead of training them
 * again. The search math lives in {@code io.statewise.algorithms.search}.
 */
package io.statewise.actors.tuningjob;
