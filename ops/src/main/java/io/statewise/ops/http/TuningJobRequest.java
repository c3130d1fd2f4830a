package io.statewise.ops.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.tuningjob.TuningRequest;
import io.statewise.actors.tuningjob.TuningSpec;
import io.statewise.algorithms.search.ParamRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The body of {@code POST /v1/tuning-jobs}: a job request's algorithm, fixed hyperparameters and data, plus what to
 * search and how. Each entry of {@code search_space} is {@code {"values": [...]}} or {@code {"min": a, "max": b,
 * "scale": "linear"|"log", "type": "int"|"float"}} (scale default linear; type default the hyperparameter's). The
 * runtime checks names, types and ranges against the algorithm.
 *
 * @param strategy        {@code successive_halving} (default) or {@code random}
 * @param configurations  configurations to draw; default 27
 * @param eta             successive halving's reduction factor; default 3
 * @param minEpochs       epochs of the first rung; default 1
 * @param maxEpochs       epochs of the last rung (and of every random-search child); default 9
 * @param objective       {@code {"metric": "validation_mse", "goal": "minimize"}}; default the validation loss
 * @param maxParallelJobs children trained at once; default 2
 * @param seed            the seed configurations are drawn with; default 0
 */
public record TuningJobRequest(String algorithm, Map<String, JsonNode> hyperparameters,
                               Map<String, JsonNode> searchSpace, String strategy, Integer configurations,
                               Integer eta, Integer minEpochs, Integer maxEpochs, ObjectiveRequest objective,
                               Integer maxParallelJobs, Long seed, DataInputRequest train,
                               DataInputRequest validation, DataInputRequest test, JsonNode parallelism,
                               long maxBadRecords, long splitSizeBytes) {

    /** The ranked metric and its goal; both optional. */
    public record ObjectiveRequest(String metric, String goal) {}

    /** The runtime's request, or an {@link InvalidRequestException} naming the first bad field. */
    public TuningRequest toRequest() {
        // The job fields are checked as a job request checks them.
        var job = new SubmitJobRequest(algorithm, hyperparameters, train, validation, test, parallelism,
                maxBadRecords, splitSizeBytes, null, null).toSpec();
        if (searchSpace == null || searchSpace.isEmpty()) {
            throw new InvalidRequestException("search_space", "missing 'search_space': name at least one "
                    + "hyperparameter with its 'values' or 'min'/'max'");
        }
        Map<String, ParamRange> ranges = new TreeMap<>();
        searchSpace.forEach((name, node) -> ranges.put(name, range("search_space." + name, node)));
        return new TuningRequest(job.algorithm(), job.hyperParameters(), ranges, parsedStrategy(),
                orDefault(configurations, 27), orDefault(eta, 3), orDefault(minEpochs, 1), orDefault(maxEpochs, 9),
                Optional.ofNullable(objective).map(ObjectiveRequest::metric),
                Optional.ofNullable(objective).map(ObjectiveRequest::goal), orDefault(maxParallelJobs, 2),
                seed == null ? 0 : seed, job.train(), job.validation(), job.test(), job.parallelism(),
                job.maxBadRecords(), job.splitSizeBytes());
    }

    private TuningSpec.Strategy parsedStrategy() {
        if (strategy == null) return TuningSpec.Strategy.SUCCESSIVE_HALVING;
        return switch (strategy.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "successive_halving" -> TuningSpec.Strategy.SUCCESSIVE_HALVING;
            case "random" -> TuningSpec.Strategy.RANDOM;
            default -> throw new InvalidRequestException("strategy", "'strategy' must be successive_halving or "
                    + "random, got '" + strategy + "'");
        };
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static ParamRange range(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException(field, "'" + field + "' must be an object with 'values' or 'min' and "
                    + "'max', got " + node);
        }
        boolean interval = node.has("min") || node.has("max");
        if (node.has("values") == interval) {
            throw new InvalidRequestException(field, "'" + field + "' needs either 'values' or 'min' and 'max'");
        }
        if (!interval) {
            JsonNode values = node.get("values");
            if (!values.isArray()) throw new InvalidRequestException(field + ".values", "'" + field
                    + ".values' must be an array");
            List<String> out = new ArrayList<>();
            for (JsonNode v : values) {
                if (!(v.isTextual() || v.isNumber() || v.isBoolean())) {
                    throw new InvalidRequestException(field + ".values", "'" + field + ".values' holds numbers, "
                            + "strings or booleans, got " + v);
                }
                out.add(v.asText());
            }
            return new ParamRange.Values(out);
        }
        for (String key : List.of("min", "max")) {
            if (!node.has(key) || !node.get(key).isNumber()) {
                throw new InvalidRequestException(field + "." + key,
                        "'" + field + "." + key + "' must be a number, got " + node.get(key));
            }
        }
        try {
            ParamRange.Scale scale = node.has("scale") ? ParamRange.Scale.of(node.get("scale").asText())
                    : ParamRange.Scale.LINEAR;
            ParamRange.NumberType type = node.has("type") ? ParamRange.NumberType.of(node.get("type").asText())
                    : ParamRange.NumberType.AS_PARAMETER;
            return new ParamRange.Interval(node.get("min").asDouble(), node.get("max").asDouble(), scale, type);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "'" + field + "': " + e.getMessage());
        }
    }
}
