package io.statewise.ops.http;

import java.util.List;

/**
 * The body of {@code POST /v1/jobs/{id}/predict}: {@code {"instances": [[1.0, 2.0], ...]}}.
 *
 * @param instances feature vectors of the model's dimension (no label column)
 */
public record PredictRequest(List<float[]> instances) {

    /** The instances, or an {@link InvalidRequestException} if there are none. */
    List<float[]> rows() {
        if (instances == null) throw new InvalidRequestException("instances", "missing required field 'instances'");
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i) == null) {
                throw new InvalidRequestException("instances[" + i + "]", "'instances[" + i + "]' is null");
            }
        }
        return instances;
    }
}
