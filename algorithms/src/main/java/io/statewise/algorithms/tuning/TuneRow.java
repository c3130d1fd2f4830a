package io.statewise.algorithms.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a tuning table: a candidate value and what it scored.
 *
 * @param value  the candidate value, as requested
 * @param scores named scores in a fixed order (e.g. {@code validation_msd}); NaN where a score does not apply
 */
public record TuneRow(String value, Map<String, Double> scores) {
    public TuneRow {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }
}
