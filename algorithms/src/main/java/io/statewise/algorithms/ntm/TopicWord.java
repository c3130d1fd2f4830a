package io.statewise.algorithms.ntm;

/**
 * A word of a topic, by weight.
 *
 * @param word   the word's index in the vocabulary (its feature index)
 * @param term   the word itself when the model has a vocabulary, else null
 * @param weight the topic's weight of the word in the decoder (its logit contribution at full topic share)
 */
public record TopicWord(int word, String term, double weight) {}
