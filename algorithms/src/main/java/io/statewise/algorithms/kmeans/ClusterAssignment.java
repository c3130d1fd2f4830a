package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.Prediction;

/**
 * A k-means prediction, as SageMaker's k-means returns it ({@code closest_cluster}, {@code distance_to_cluster}).
 *
 * @param cluster  index of the closest center
 * @param distance Euclidean (not squared) distance to that center
 */
public record ClusterAssignment(int cluster, double distance) implements Prediction {}
