/**
 * Streaming k-means after Amazon SageMaker's (Liberty et al., "Elastic Machine Learning Algorithms in Amazon
 * SageMaker", SIGMOD 2020): {@link io.statewise.algorithms.kmeans.KMeans} keeps {@code k * extra_center_factor}
 * weighted centers updated by mini-batches, merges partial states by clustering the union of their centers, and
 * finalizes to any {@code k' <= K} with weighted k-means++, Lloyd and Hartigan moves.
 * {@link io.statewise.algorithms.kmeans.LloydKMeans} is the full-batch reference used by tests and benchmarks.
 */
package io.statewise.algorithms.kmeans;
