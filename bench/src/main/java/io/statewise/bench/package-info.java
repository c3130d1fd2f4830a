/**
 * Benchmarks of Statewise against peers (Spark MLlib, scikit-learn); built only with {@code -Pbench} and driven by
 * {@code bench/run-kmeans-bench.sh}.
 */
package io.statewise.bench;
