package io.statewise.ops.http;

import io.statewise.algorithms.Prediction;
import java.util.List;

/**
 * The body of a prediction response.
 *
 * @param predictions one algorithm-specific prediction record per instance, in request order
 */
public record PredictionsDto(List<Prediction> predictions) {}
