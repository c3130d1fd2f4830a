package io.statewise.algorithms.ntm;

import io.statewise.algorithms.Prediction;

/**
 * The topic proportions of a document: the softmax of its posterior mean (no sampling, so predictions are
 * deterministic).
 *
 * @param proportions one share per topic, summing to 1; copied
 * @param topTopic    the topic with the largest share
 */
public record TopicMixture(double[] proportions, int topTopic) implements Prediction {
    public TopicMixture {
        proportions = proportions.clone();
    }

    @Override
    public double[] proportions() {
        return proportions.clone();
    }
}
