package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.AlgorithmProvider;
import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameterSpec;
import io.statewise.algorithms.HyperParameterSpec.Param;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.codec.Codec;
import java.util.List;

/**
 * Registers streaming k-means as {@code "kmeans"} with SageMaker's hyperparameter names (Liberty et al., "Elastic
 * Machine Learning Algorithms in Amazon SageMaker", SIGMOD 2020).
 */
public final class KMeansProvider implements AlgorithmProvider<KMeansState, KMeansModel> {

    /** The registered name. */
    public static final String NAME = "kmeans";

    private static final int MAX = Integer.MAX_VALUE;

    /** The accepted hyperparameters. */
    public static final HyperParameterSpec SPEC = new HyperParameterSpec(NAME, List.of(
            Param.integer("k", null, 1, MAX, "number of clusters of the model (required)"),
            Param.intOrAuto("extra_center_factor", 1, MAX,
                    "the state keeps k * extra_center_factor weighted centers; auto = max(2, min(10, ceil(100 / k)))"),
            Param.choice("init_method", "random", List.of("random", "kmeans++"),
                    "how a partial state picks its first centers from its first records"),
            Param.integer("mini_batch_size", 5000, 1, MAX, "records per update"),
            Param.integer("epochs", 1, 1, MAX, "passes over the training data"),
            Param.integer("half_life_time_size", 0, 0, MAX,
                    "with h > 0 the weight of past records halves every h records seen; 0 = no decay"),
            Param.integer("local_lloyd_max_iter", 300, 1, MAX, "Lloyd iterations per finalize trial"),
            Param.decimal("local_lloyd_tol", 1e-4, 0, 1,
                    "finalize's Lloyd stops when the weighted SSD improves by at most this fraction"),
            Param.intOrAuto("local_lloyd_num_trials", 1, MAX,
                    "finalize trials, the best weighted SSD wins; auto = " + KMeansConfig.AUTO_NUM_TRIALS),
            Param.choice("local_lloyd_init_method", "kmeans++", List.of("kmeans++", "random"),
                    "seeding of each finalize trial"),
            Param.choiceList("eval_metrics", "msd", List.of("msd", "ssd"),
                    "metrics reported by evaluation: msd (mean squared distance), ssd (sum of squared distances)"),
            Param.integer("seed", 0, Integer.MIN_VALUE, MAX, "randomness of finalize")));

    @Override
    public HyperParameterSpec spec() {
        return SPEC;
    }

    @Override
    public Codec<KMeansModel> modelCodec() {
        return KMeans.MODEL_CODEC;
    }

    /**
     * A k-means instance.
     *
     * @param hyperParameters values parsed by {@link #SPEC}. Not modified.
     * @throws IllegalArgumentException if they were parsed by another algorithm's spec
     */
    @Override
    public ElasticAlgorithm<KMeansState, KMeansModel> create(HyperParameters hyperParameters) {
        return new KMeans(hyperParameters);
    }
}
