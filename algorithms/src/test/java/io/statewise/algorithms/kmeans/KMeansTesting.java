package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameters;
import java.util.HashMap;
import java.util.Map;

/** Builds k-means instances for tests. */
final class KMeansTesting {

    private KMeansTesting() {}

    /** Hyperparameters from alternating name, value pairs. */
    static HyperParameters params(Object... nameValues) {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) raw.put((String) nameValues[i], nameValues[i + 1]);
        return KMeansProvider.SPEC.parse(raw);
    }

    /** An instance from alternating name, value pairs. */
    static ElasticAlgorithm<KMeansState, KMeansModel> kmeans(Object... nameValues) {
        return new KMeansProvider().create(params(nameValues));
    }
}
