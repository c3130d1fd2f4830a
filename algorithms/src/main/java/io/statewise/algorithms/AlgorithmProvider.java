package io.statewise.algorithms;

import io.statewise.algorithms.codec.Codec;
import java.util.Map;
import java.util.Optional;

/**
 * Describes one algorithm family and builds configured instances of it; what the registry lists.
 *
 * @param <S> state type
 * @param <M> model type
 */
public interface AlgorithmProvider<S extends State, M extends Model> {

    /** The name jobs use, e.g. {@code "kmeans"}: its spec's algorithm. */
    default String name() {
        return spec().algorithm();
    }

    /** The accepted hyperparameters. */
    HyperParameterSpec spec();

    /** The codec of this family's models: a stored model is readable without its hyperparameters. */
    Codec<M> modelCodec();

    /** An instance configured with validated values. */
    ElasticAlgorithm<S, M> create(HyperParameters hyperParameters);

    /** Parses raw values with {@link #spec()} and builds an instance. */
    default ElasticAlgorithm<S, M> create(Map<String, ?> raw) {
        return create(spec().parse(raw));
    }

    /**
     * The metric a hyperparameter search ranks this algorithm's jobs by when the request names none: the validation
     * loss its models report with these hyperparameters. Empty (the default) when there is no one obvious choice, and
     * a request must name its metric.
     *
     * @param hyperParameters the search's fixed hyperparameters as the request gives them (not validated). Not
     *                        modified.
     */
    default Optional<String> defaultObjectiveMetric(Map<String, String> hyperParameters) {
        return Optional.empty();
    }
}
