/**
 * The elastic algorithm contract: {@link io.statewise.algorithms.ElasticAlgorithm} (init, update, merge, finalize,
 * evaluate), fixed-size mergeable {@link io.statewise.algorithms.State}s, immutable
 * {@link io.statewise.algorithms.Model}s, validated {@link io.statewise.algorithms.HyperParameters} and the
 * {@link io.statewise.algorithms.Algorithms registry}. Pure Java and EJML: nothing here knows about actors.
 */
package io.statewise.algorithms;
