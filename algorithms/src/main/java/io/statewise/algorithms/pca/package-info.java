/**
 * Principal component analysis after Amazon SageMaker's (Liberty et al., "Elastic Machine Learning Algorithms in
 * Amazon SageMaker", SIGMOD 2020): {@link io.statewise.algorithms.pca.Pca} keeps the count, the sum of the rows, the
 * sum of their squared norms and a summary of {@code A^T A} (the exact scatter matrix in {@code regular} mode, a
 * random-sign sketch in {@code randomized} mode, a Frequent Directions sketch in {@code sketch} mode), merges partial
 * states of any split, and finalizes to any number of components up to the state's capacity.
 */
package io.statewise.algorithms.pca;
