package io.statewise.actors.tuningjob;

import io.statewise.actors.job.DataInput;
import io.statewise.algorithms.search.ParamRange;
import java.util.Map;
import java.util.Optional;

/**
 * What a client asks to search, before it is checked ({@link TuningPlanner}).
 *
 * @param hyperParameters values every child shares
 * @param searchSpace     the searched hyperparameters and their values or ranges
 * @param configurations  configurations to draw
 * @param eta             successive halving's reduction factor
 * @param minEpochs       epochs of the first rung of successive halving
 * @param maxEpochs       epochs of its last rung, and of every child of a random search
 * @param objectiveMetric the metric to rank children by; empty: the algorithm's validation loss
 * @param objectiveGoal   {@code minimize} or {@code maximize}; empty: known from the metric's name
 * @param maxParallelJobs children trained at once
 * @param seed            the seed configurations are drawn with
 * @param validation      required: children are ranked on it
 */
public record TuningRequest(String algorithm, Map<String, String> hyperParameters,
                            Map<String, ParamRange> searchSpace, TuningSpec.Strategy strategy, int configurations,
                            int eta, int minEpochs, int maxEpochs, Optional<String> objectiveMetric,
                            Optional<String> objectiveGoal, int maxParallelJobs, long seed, DataInput train,
                            Optional<DataInput> validation, Optional<DataInput> test, int parallelism,
                            long maxBadRecords, long splitSizeBytes) {

    public TuningRequest {
        hyperParameters = Map.copyOf(hyperParameters);
        searchSpace = Map.copyOf(searchSpace);
    }
}
