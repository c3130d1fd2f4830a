package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.InvalidHyperParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validated k-means hyperparameters with every {@code auto} resolved; the names follow SageMaker's k-means.
 *
 * @param k                    clusters of the final model, at least 1
 * @param extraCenterFactor    the state keeps {@code k * extraCenterFactor} weighted centers (SageMaker's
 *                             {@code extra_center_factor}; see {@link #autoExtraCenterFactor})
 * @param initMethod           how a partial picks its first centers from its first records
 * @param miniBatchSize        records per update
 * @param epochs               passes over the data
 * @param halfLifeTimeSize     with {@code h > 0}, the weight of a past record halves every {@code h} records seen;
 *                             0 means no decay
 * @param localLloydMaxIter    Lloyd iterations per finalize trial, at least 1
 * @param localLloydTol        finalize's Lloyd stops when the weighted SSD improves by at most this fraction
 * @param localLloydNumTrials  finalize trials (seeding + Lloyd); the best weighted SSD wins
 * @param localLloydInitMethod seeding of each finalize trial
 * @param evalMetrics          the metrics the evaluator reports, in order
 * @param seed                 randomness of finalize (the state's own randomness comes from the runtime's seeds)
 */
public record KMeansConfig(int k, int extraCenterFactor, InitMethod initMethod, int miniBatchSize, int epochs,
                           int halfLifeTimeSize, int localLloydMaxIter, double localLloydTol,
                           int localLloydNumTrials, InitMethod localLloydInitMethod, List<EvalMetric> evalMetrics,
                           long seed) {

    /** Trials of finalize when {@code local_lloyd_num_trials} is {@code auto}. */
    public static final int AUTO_NUM_TRIALS = 10;

    /** How initial centers are chosen. */
    public enum InitMethod {
        /** Distinct records (or weighted centers) drawn uniformly at random. */
        RANDOM("random"),
        /**
         * k-means++ seeding (Arthur and Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007):
         * each next center drawn with probability proportional to its weight times its squared distance to the
         * centers already chosen.
         */
        KMEANS_PLUS_PLUS("kmeans++");

        private final String parameterValue;

        InitMethod(String parameterValue) {
            this.parameterValue = parameterValue;
        }

        /** The hyperparameter value naming this method. */
        public String parameterValue() {
            return parameterValue;
        }

        /** The method named {@code value} ({@code random} or {@code kmeans++}); {@code parameter} names errors. */
        static InitMethod of(String parameter, String value) {
            for (InitMethod m : values()) {
                if (m.parameterValue.equals(value.toLowerCase(Locale.ROOT))) return m;
            }
            throw new InvalidHyperParameterException(parameter, "must be random or kmeans++, got '" + value + "'");
        }
    }

    /** Metrics of {@link KMeansEvaluator}. */
    public enum EvalMetric {
        /** Mean squared Euclidean distance of a record to its closest center. */
        MSD("msd"),
        /** Sum of squared Euclidean distances of the records to their closest centers. */
        SSD("ssd");

        private final String metricName;

        EvalMetric(String metricName) {
            this.metricName = metricName;
        }

        /** The metric's name, as in {@code eval_metrics} and in reported {@link io.statewise.algorithms.Metrics}. */
        public String metricName() {
            return metricName;
        }

        static EvalMetric of(String value) {
            for (EvalMetric m : values()) {
                if (m.metricName.equals(value.toLowerCase(Locale.ROOT))) return m;
            }
            throw new InvalidHyperParameterException("eval_metrics", "must list msd and/or ssd, got '" + value + "'");
        }
    }

    /**
     * Checks ranges; each failure names the SageMaker hyperparameter.
     *
     * @throws InvalidHyperParameterException on a value out of range
     */
    public KMeansConfig {
        require(k >= 1, "k", "must be >= 1, got " + k);
        require(extraCenterFactor >= 1, "extra_center_factor", "must be >= 1, got " + extraCenterFactor);
        require((long) k * extraCenterFactor <= Integer.MAX_VALUE - 8, "extra_center_factor",
                "k * extra_center_factor = " + (long) k * extraCenterFactor + " centers is too many");
        require(initMethod != null, "init_method", "is required");
        require(miniBatchSize >= 1, "mini_batch_size", "must be >= 1, got " + miniBatchSize);
        require(epochs >= 1, "epochs", "must be >= 1, got " + epochs);
        require(halfLifeTimeSize >= 0, "half_life_time_size", "must be >= 0, got " + halfLifeTimeSize);
        require(localLloydMaxIter >= 1, "local_lloyd_max_iter", "must be >= 1, got " + localLloydMaxIter);
        require(localLloydTol >= 0 && localLloydTol <= 1, "local_lloyd_tol",
                "must be in [0, 1], got " + localLloydTol);
        require(localLloydNumTrials >= 1, "local_lloyd_num_trials", "must be >= 1, got " + localLloydNumTrials);
        require(localLloydInitMethod != null, "local_lloyd_init_method", "is required");
        require(evalMetrics != null, "eval_metrics", "is required");
        evalMetrics = List.copyOf(evalMetrics);
    }

    private static void require(boolean ok, String parameter, String message) {
        if (!ok) throw new InvalidHyperParameterException(parameter, message);
    }

    /**
     * The configuration given by validated hyperparameters of {@link KMeansProvider#SPEC}.
     *
     * @param hp values parsed by the k-means spec. Not modified.
     * @throws InvalidHyperParameterException on a value out of range
     */
    public static KMeansConfig from(HyperParameters hp) {
        int k = hp.getInt("k");
        int factor = hp.isAuto("extra_center_factor") ? autoExtraCenterFactor(k) : hp.getInt("extra_center_factor");
        int trials = hp.isAuto("local_lloyd_num_trials") ? AUTO_NUM_TRIALS : hp.getInt("local_lloyd_num_trials");
        List<EvalMetric> metrics = new ArrayList<>();
        for (String m : hp.getList("eval_metrics")) {
            EvalMetric metric = EvalMetric.of(m);
            if (!metrics.contains(metric)) metrics.add(metric);
        }
        return new KMeansConfig(k, factor, InitMethod.of("init_method", hp.getString("init_method")),
                hp.getInt("mini_batch_size"), hp.getInt("epochs"), hp.getInt("half_life_time_size"),
                hp.getInt("local_lloyd_max_iter"), hp.getDouble("local_lloyd_tol"), trials,
                InitMethod.of("local_lloyd_init_method", hp.getString("local_lloyd_init_method")), metrics,
                hp.getInt("seed"));
    }

    /**
     * The {@code extra_center_factor} used for {@code auto}: {@code max(2, min(10, ceil(100 / k)))}. The state then
     * keeps {@code 10 k} centers for {@code k <= 10}, about 100 (at most 150) for {@code k <= 50} and {@code 2 k}
     * beyond: enough spare centers for the finalize step to find a good k-clustering of the summary (the
     * oversampling SageMaker's streaming k-means relies on, Liberty et al., SIGMOD 2020), while the state stays at
     * most ten times the size of the model.
     *
     * @param k clusters of the model, at least 1
     */
    public static int autoExtraCenterFactor(int k) {
        int perK = (100 + k - 1) / k;
        return Math.max(2, Math.min(10, perK));
    }

    /** Weighted centers of a state: {@code k * extra_center_factor}. */
    public int stateCenters() {
        return k * extraCenterFactor;
    }

    /**
     * The factor applied to every center weight before adding a mini-batch of {@code records} records:
     * {@code 0.5^(records / half_life_time_size)}, or 1 without decay.
     */
    public double decay(int records) {
        return halfLifeTimeSize == 0 ? 1.0 : Math.pow(0.5, (double) records / halfLifeTimeSize);
    }
}
