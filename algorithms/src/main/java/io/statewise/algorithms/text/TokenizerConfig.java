package io.statewise.algorithms.text;

import java.util.List;

/**
 * What the {@link Tokenizer} keeps: tokens of {@code minLength..maxLength} letters that are not stop words. Immutable
 * and validated; text data formats carry one, so every split of a data set is tokenized alike.
 *
 * <p>Default minimum length 2: one-letter tokens are mostly debris of the letters-only rule (the {@code s} of
 * {@code it's}, the {@code t} of {@code don't}, initials, list markers), while real two-letter words ({@code ai},
 * {@code tv}, {@code eu}, {@code go}) carry topic; scikit-learn's default token pattern and gensim make the same
 * choice. Default maximum length 50: longer letter runs are encoded data or glued text, not words (a CJK run without
 * spaces is a phrase, see {@link Tokenizer}).
 *
 * @param minLength fewest letters of a kept token, at least 1
 * @param maxLength most letters of a kept token, at least {@code minLength}
 * @param stopWords words to drop, compared after lower-casing; each must be letters only (it must be able to match a
 *                  token); copied
 */
public record TokenizerConfig(int minLength, int maxLength, List<String> stopWords) {

    /** Default {@link #minLength()}. */
    public static final int DEFAULT_MIN_LENGTH = 2;
    /** Default {@link #maxLength()}. */
    public static final int DEFAULT_MAX_LENGTH = 50;

    public TokenizerConfig {
        if (minLength < 1) throw new IllegalArgumentException("minLength must be >= 1, got " + minLength);
        if (maxLength < minLength) {
            throw new IllegalArgumentException("maxLength must be >= minLength " + minLength + ", got " + maxLength);
        }
        stopWords = List.copyOf(stopWords);
    }

    /** Lengths 2..50 and the {@link StopWords#english() English stop words}. */
    public static TokenizerConfig english() {
        return new TokenizerConfig(DEFAULT_MIN_LENGTH, DEFAULT_MAX_LENGTH, StopWords.english());
    }

    /** Lengths 2..50 and no stop words. */
    public static TokenizerConfig noStopWords() {
        return new TokenizerConfig(DEFAULT_MIN_LENGTH, DEFAULT_MAX_LENGTH, List.of());
    }

    /** This configuration with other stop words. */
    public TokenizerConfig withStopWords(List<String> words) {
        return new TokenizerConfig(minLength, maxLength, words);
    }

    /** This configuration with another minimum length. */
    public TokenizerConfig withMinLength(int letters) {
        return new TokenizerConfig(letters, Math.max(letters, maxLength), stopWords);
    }

    /** This configuration with another maximum length. */
    public TokenizerConfig withMaxLength(int letters) {
        return new TokenizerConfig(minLength, letters, stopWords);
    }
}
