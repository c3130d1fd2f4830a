package io.statewise.ops.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.algorithms.tuning.SweepValues;
import io.statewise.algorithms.tuning.TuneRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The body of {@code POST /v1/jobs/{id}/tune}: one hyperparameter, its candidate values (a list, or an integer range
 * {@code from}..{@code to} by {@code step}), and how to choose. The algorithm validates the values with its spec.
 *
 * @param parameter the hyperparameter to sweep, e.g. {@code k}; required
 * @param values    candidate values: JSON numbers, strings or booleans; or give {@code from}/{@code to}
 * @param from      first value of an integer range (inclusive)
 * @param to        last value of an integer range (inclusive)
 * @param step      step of the range, default 1
 * @param select    how to choose, algorithm-specific ({@code elbow}, {@code silhouette}, {@code target_ratio}, or
 *                  one of the values); default: the algorithm's
 * @param target    a number the choice reads (PCA: the explained variance ratio to reach)
 */
public record TuneJobRequest(String parameter, List<JsonNode> values, Long from, Long to, Long step, String select,
                             Double target) {

    /** The runtime's request, or an {@link InvalidRequestException} naming the first bad field. */
    public TuneRequest toRequest() {
        if (parameter == null || parameter.isBlank()) {
            throw new InvalidRequestException("parameter", "missing required field 'parameter'");
        }
        return new TuneRequest(parameter.trim(), candidates(), Optional.ofNullable(select).map(String::trim),
                target == null ? OptionalDouble.empty() : OptionalDouble.of(target));
    }

    private List<String> candidates() {
        boolean range = from != null || to != null || step != null;
        if (values != null && range) {
            throw new InvalidRequestException("values", "give either 'values' or 'from'/'to', not both");
        }
        if (!range) {
            if (values == null) throw new InvalidRequestException("values", "missing 'values' (or 'from' and 'to')");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                JsonNode v = values.get(i);
                if (v == null || !(v.isTextual() || v.isNumber() || v.isBoolean())) {
                    throw new InvalidRequestException("values[" + i + "]", "'values[" + i + "]' must be a number, "
                            + "string or boolean, got " + v);
                }
                out.add(v.asText());
            }
            return out;
        }
        if (from == null || to == null) {
            throw new InvalidRequestException(from == null ? "from" : "to", "a range needs both 'from' and 'to'");
        }
        long by = step == null ? 1 : step;
        if (by < 1) throw new InvalidRequestException("step", "'step' must be >= 1, got " + by);
        if (to < from) {
            throw new InvalidRequestException("to", "the range " + from + ".." + to + " is empty");
        }
        if ((to - from) / by + 1 > SweepValues.MAX_VALUES) {
            throw new InvalidRequestException("to", "the range " + from + ".." + to + " has more than "
                    + SweepValues.MAX_VALUES + " values");
        }
        List<String> out = new ArrayList<>();
        for (long v = from; v <= to; v += by) out.add(Long.toString(v));
        return out;
    }
}
