package io.statewise.algorithms;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named metric values (e.g. {@code msd}, {@code ssd}), ordered by name.
 *
 * @param values metric name to value; copied
 */
public record Metrics(Map<String, Double> values) {

    public Metrics {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** No metrics. */
    public static Metrics empty() {
        return new Metrics(Map.of());
    }

    /** The value of {@code name}, or NaN if absent. */
    public double get(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }
}
