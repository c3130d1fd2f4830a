/**
 * Training-time hyperparameter search, the math of tuning jobs: a search space validated against an algorithm's
 * hyperparameter spec ({@link io.statewise.algorithms.search.SearchSpace}), seeded sampling of configurations, and
 * the rung schedule and promotions of successive halving ({@link io.statewise.algorithms.search.SuccessiveHalving}).
 * Pure Java with no runtime: the actors that run child jobs ask these classes what to do next.
 */
package io.statewise.algorithms.search;
