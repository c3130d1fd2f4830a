package io.statewise.algorithms.pca;

import io.statewise.algorithms.AlgorithmProvider;
import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameterSpec;
import io.statewise.algorithms.HyperParameterSpec.Param;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.codec.Codec;
import java.util.List;

/**
 * Registers principal component analysis as {@code "pca"} with SageMaker's hyperparameter names (Liberty et al.,
 * "Elastic Machine Learning Algorithms in Amazon SageMaker", SIGMOD 2020).
 */
public final class PcaProvider implements AlgorithmProvider<PcaState, PcaModel> {

    /** The registered name. */
    public static final String NAME = "pca";

    private static final int MAX = Integer.MAX_VALUE;

    /** The accepted hyperparameters. */
    public static final HyperParameterSpec SPEC = new HyperParameterSpec(NAME, List.of(
            Param.integer("num_components", null, 1, MAX,
                    "principal components of the model, at most the number of features (required)"),
            Param.choice("algorithm_mode", "regular", List.of("regular", "randomized", "sketch"),
                    "regular: exact scatter matrix (d^2 state); randomized: random-sign sketch (SageMaker's); "
                            + "sketch: Frequent Directions, deterministic with an error guarantee"),
            Param.bool("subtract_mean", true, "whether to center the data before computing components"),
            Param.intOrAuto("extra_components", -1, MAX,
                    "sketch rows beyond num_components (randomized and sketch modes); auto or -1 = max(10, "
                            + "num_components) for randomized, num_components for sketch"),
            Param.integer("mini_batch_size", 1000, 1, MAX, "records per update"),
            Param.integer("seed", 0, Integer.MIN_VALUE, MAX, "randomness of randomized mode's sign matrices")));

    @Override
    public HyperParameterSpec spec() {
        return SPEC;
    }

    @Override
    public Codec<PcaModel> modelCodec() {
        return Pca.MODEL_CODEC;
    }

    /**
     * A PCA instance.
     *
     * @param hyperParameters values parsed by {@link #SPEC}. Not modified.
     * @throws IllegalArgumentException if they were parsed by another algorithm's spec
     */
    @Override
    public ElasticAlgorithm<PcaState, PcaModel> create(HyperParameters hyperParameters) {
        return new Pca(hyperParameters);
    }
}
