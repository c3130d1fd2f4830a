package io.statewise.ops.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.job.JobSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /v1/jobs}. Hyperparameter values may be JSON numbers, strings, booleans or arrays of those;
 * the runtime receives them as text (arrays comma-joined) and validates them against the algorithm's spec. A
 * {@code null} value means "use the default".
 *
 * @param algorithm       registered algorithm name, e.g. {@code kmeans}; required
 * @param hyperparameters hyperparameter values by name; optional
 * @param train           training data; required
 * @param validation      validation data; optional
 * @param test            test data; optional
 * @param parallelism     worker slots: a number, or {@code "auto"} (the default, also {@code 0}): one slot per
 *                        offered slot of every worker node (by default its cores), following the cluster's membership
 * @param maxBadRecords   malformed rows the job may skip; default 0
 * @param splitSizeBytes  target split size, 0 (default) means the node's default
 * @param base            id of a completed job whose trained state the new job starts from; optional
 * @param mode            {@code "batch"} (the default: the job reads {@code train}'s files) or {@code "online"} (the
 *                        job takes records posted to it; {@code train} then has no paths and declares the records'
 *                        {@code features} and {@code label_column})
 */
public record SubmitJobRequest(String algorithm, Map<String, JsonNode> hyperparameters, DataInputRequest train,
                               DataInputRequest validation, DataInputRequest test, JsonNode parallelism,
                               long maxBadRecords, long splitSizeBytes, String base, String mode) {

    /** The runtime's job spec, or an {@link InvalidRequestException} naming the first bad field. */
    public JobSpec toSpec() {
        if (algorithm == null || algorithm.isBlank()) {
            throw new InvalidRequestException("algorithm", "missing required field 'algorithm'");
        }
        if (train == null) throw new InvalidRequestException("train", "missing required field 'train'");
        int slots = slots();
        requireNonNegative("max_bad_records", maxBadRecords);
        requireNonNegative("split_size_bytes", splitSizeBytes);
        boolean online = online();
        return new JobSpec(algorithm.trim(), hyperParameterTexts(), train.toDataInput("train", !online),
                Optional.ofNullable(validation).map(v -> v.toDataInput("validation")),
                Optional.ofNullable(test).map(t -> t.toDataInput("test")),
                slots, maxBadRecords, splitSizeBytes, Optional.ofNullable(base).map(String::trim)
                        .filter(b -> !b.isEmpty()), online);
    }

    private boolean online() {
        if (mode == null || mode.isBlank() || mode.trim().equalsIgnoreCase("batch")) return false;
        if (mode.trim().equalsIgnoreCase("online")) return true;
        throw new InvalidRequestException("mode", "'mode' must be \"batch\" or \"online\", got \"" + mode + "\"");
    }

    /** The requested slots; 0 stands for {@code auto}. */
    private int slots() {
        if (parallelism == null || parallelism.isNull()) return 0;
        if (parallelism.isTextual() && parallelism.asText().equals("auto")) return 0;
        if (!parallelism.canConvertToInt() || !parallelism.isIntegralNumber() || parallelism.asInt() < 0) {
            throw new InvalidRequestException("parallelism",
                    "'parallelism' must be \"auto\" or a whole number >= 0, got " + parallelism);
        }
        return parallelism.asInt();
    }

    private Map<String, String> hyperParameterTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        if (hyperparameters == null) return texts;
        hyperparameters.forEach((name, value) -> {
            if (value != null && !value.isNull()) texts.put(name, text("hyperparameters." + name, value));
        });
        return texts;
    }

    private static String text(String field, JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) items.add(scalar(field, item));
            return String.join(",", items);
        }
        return scalar(field, value);
    }

    private static String scalar(String field, JsonNode value) {
        if (value.isTextual() || value.isNumber() || value.isBoolean()) return value.asText();
        throw new InvalidRequestException(field,
                "'" + field + "' must be a number, string, boolean or an array of those, got " + value);
    }

    private static void requireNonNegative(String field, long value) {
        if (value < 0) throw new InvalidRequestException(field, "'" + field + "' must be >= 0, got " + value);
    }
}
