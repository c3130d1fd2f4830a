/**
 * Benchmarks of Statewise against peers (Spark MLlib, scikit-learn); built only with {@code -Pbench} and driven by
 * {@code bench/run-kmeans-bench.sh} and {@code bench/run-pca-bench.sh}.
 */
package io.statewise.bench;
