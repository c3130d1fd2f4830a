package io.statewise.actors.job;

import io.statewise.algorithms.data.DataSchema;
import java.util.Optional;

/**
 * A validated job: its data cut into splits, the common schema, and how many worker slots it runs on. Computed once
 * at submission and persisted with the job, so a resumed job reads exactly the same splits.
 *
 * @param schema      features per record (the same in every input)
 * @param train       training splits
 * @param validation  validation splits, if any
 * @param test        test splits, if any
 * @param parallelism worker slots
 * @param seed        the job's root of randomness (the algorithm's {@code seed} hyperparameter, else 0)
 */
public record JobPlan(DataSchema schema, PlannedInput train, Optional<PlannedInput> validation,
                      Optional<PlannedInput> test, int parallelism, long seed) {
    public JobPlan {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }

    /** Splits per training epoch. */
    public int splitsPerEpoch() {
        return train.splits().size();
    }

    /**
     * The seed of one split in one epoch (SplitMix64 of the three), so that a rescaled or resumed job computes every
     * partial exactly as before.
     */
    public long seedFor(int epoch, int splitId) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + splitId * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
