package io.statewise.algorithms;

/**
 * How the runtime drives an algorithm over the data.
 *
 * @param epochs        passes over the training data, at least 1
 * @param miniBatchSize records per call of {@link ElasticAlgorithm#update}, at least 1
 */
public record TrainingSchedule(int epochs, int miniBatchSize) {
    public TrainingSchedule {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (miniBatchSize < 1) throw new IllegalArgumentException("miniBatchSize must be >= 1, got " + miniBatchSize);
    }
}
