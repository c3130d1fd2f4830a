package io.statewise.ops.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /v1/jobs/{id}/predict}: {@code {"instances": [[1.0, 2.0], ...]}} for models of feature
 * vectors, {@code {"documents": ["raw text", ...]}} for models that read text (a topic model trained on text), or
 * {@code {"instances": [{"start": "2020-01-01 00:00:00", "target": [...]}, ...]}} (SageMaker DeepAR's series objects,
 * see {@link #seriesInstances}) for forecasting models.
 *
 * @param instances feature vectors of the model's dimension (no label column)
 * @param documents documents of raw text, one per entry
 */
public record PredictRequest(List<float[]> instances, List<String> documents) {

    /**
     * The instances of {@code body} as JSON texts when they are series objects; empty when the body is not JSON, has no
     * {@code instances} array, or its instances are not objects (then the body is read as a {@code PredictRequest}).
     *
     * @throws InvalidRequestException if objects and other values are mixed
     */
    static Optional<List<String>> seriesInstances(String body) {
        JsonNode instances;
        try {
            instances = JsonSupport.mapper().readTree(body).path("instances");
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (!instances.isArray() || instances.isEmpty() || !instances.get(0).isObject()) return Optional.empty();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            if (!instances.get(i).isObject()) {
                throw new InvalidRequestException("instances[" + i + "]", "'instances[" + i + "]' is not a series"
                        + " object like the instances before it");
            }
            out.add(instances.get(i).toString());
        }
        return Optional.of(out);
    }

    /** Whether the request holds documents (else instances); exactly one of the two must be given. */
    boolean hasDocuments() {
        if (instances != null && documents != null) {
            throw new InvalidRequestException("documents", "give either 'instances' or 'documents', not both");
        }
        return documents != null;
    }

    /** The documents, or an {@link InvalidRequestException} if one is null. */
    List<String> texts() {
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) == null) {
                throw new InvalidRequestException("documents[" + i + "]", "'documents[" + i + "]' is null");
            }
        }
        return documents;
    }

    /** The instances, or an {@link InvalidRequestException} if there are none. */
    List<float[]> rows() {
        if (instances == null) {
            throw new InvalidRequestException("instances", "missing required field 'instances' (or 'documents')");
        }
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i) == null) {
                throw new InvalidRequestException("instances[" + i + "]", "'instances[" + i + "]' is null");
            }
        }
        return instances;
    }
}
