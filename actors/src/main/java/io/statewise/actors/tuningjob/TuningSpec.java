package io.statewise.actors.tuningjob;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobSpec;
import io.statewise.algorithms.search.Objective;
import io.statewise.algorithms.search.SuccessiveHalving;
import io.statewise.persistence.CborSerializable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A validated tuning job: what its children train and how they are searched. Carried in the tuning job's first event,
 * so new fields must be {@code Optional}.
 *
 * @param algorithm       the children's algorithm
 * @param hyperParameters values every child shares (the searched ones and {@code epochs} are set per child)
 * @param strategy        random search or successive halving
 * @param configurations  configurations drawn (the first rung's size)
 * @param eta             successive halving's reduction factor
 * @param minEpochs       epochs of the first rung
 * @param maxEpochs       epochs of the last rung (every child of a random search)
 * @param objective       the metric of a child's model that ranks it, and its goal
 * @param maxParallelJobs children trained at once
 * @param seed            the seed configurations were drawn with
 * @param train           the children's training data
 * @param validation      the children's validation data (the objective's metric is measured on it)
 * @param test            optional test data of the children
 * @param parallelism     worker slots of each child (0: auto)
 * @param maxBadRecords   malformed rows each child may skip
 * @param splitSizeBytes  split size of each child (0: the node's default)
 */
public record TuningSpec(String algorithm, Map<String, String> hyperParameters, Strategy strategy, int configurations,
                         int eta, int minEpochs, int maxEpochs, Objective objective, int maxParallelJobs, long seed,
                         DataInput train, DataInput validation, Optional<DataInput> test, int parallelism,
                         long maxBadRecords, long splitSizeBytes) implements CborSerializable {

    /** The hyperparameter a tuning job sets per rung. */
    public static final String EPOCHS = "epochs";

    /** How configurations are searched. */
    public enum Strategy {
        /** Every configuration trained for {@code maxEpochs}. */
        RANDOM,
        /** Rungs of growing epochs; the best {@code 1/eta} of each rung continue. */
        SUCCESSIVE_HALVING
    }

    public TuningSpec {
        hyperParameters = Map.copyOf(new TreeMap<>(hyperParameters));
        test = test == null ? Optional.empty() : test;
    }

    /** The rungs the strategy runs. */
    public SuccessiveHalving schedule() {
        return strategy == Strategy.RANDOM ? SuccessiveHalving.random(configurations, maxEpochs)
                : new SuccessiveHalving(configurations, eta, minEpochs, maxEpochs);
    }

    /**
     * The spec of a child: the shared hyperparameters with the configuration's values and {@code epochs}.
     *
     * @param base the job a continued child starts from (the same configuration's child of the previous rung)
     */
    public JobSpec childSpec(Map<String, String> configuration, int epochs, Optional<String> base) {
        Map<String, String> hp = new TreeMap<>(hyperParameters);
        hp.putAll(configuration);
        hp.put(EPOCHS, Integer.toString(epochs));
        return new JobSpec(algorithm, hp, train, Optional.of(validation), test, parallelism, maxBadRecords,
                splitSizeBytes, base);
    }
}
