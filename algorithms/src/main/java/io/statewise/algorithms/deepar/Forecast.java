package io.statewise.algorithms.deepar;

import io.statewise.algorithms.Prediction;
import java.util.Map;

/**
 * A probabilistic forecast of one series, in SageMaker DeepAR's response shape: the mean and the requested quantiles
 * of every forecast step, estimated from {@code num_eval_samples} sample paths.
 *
 * @param id        the series' id
 * @param start     the timestamp of the first forecast step, {@code YYYY-MM-DD HH:MM:SS}
 * @param mean      the sample mean per step
 * @param quantiles quantile level (as written in {@code test_quantiles}, e.g. {@code "0.1"}) to its values per step,
 *                  in ascending order of level
 */
public record Forecast(String id, String start, double[] mean, Map<String, double[]> quantiles)
        implements Prediction {}
