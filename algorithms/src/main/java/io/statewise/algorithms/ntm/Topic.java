package io.statewise.algorithms.ntm;

import java.util.List;

/**
 * One topic's top words.
 *
 * @param topic its index
 * @param words its heaviest words, heaviest first
 */
public record Topic(int topic, List<TopicWord> words) {
    public Topic {
        words = List.copyOf(words);
    }
}
