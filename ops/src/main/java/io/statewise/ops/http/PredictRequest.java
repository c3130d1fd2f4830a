package io.statewise.ops.http;

import java.util.List;

/**
 * The body of {@code POST /v1/jobs/{id}/predict}: {@code {"instances": [[1.0, 2.0], ...]}} for models of feature
 * vectors, or {@code {"documents": ["raw text", ...]}} for models that read text (a topic model trained on text).
 *
 * @param instances feature vectors of the model's dimension (no label column)
 * @param documents documents of raw text, one per entry
 */
public record PredictRequest(List<float[]> instances, List<String> documents) {

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
