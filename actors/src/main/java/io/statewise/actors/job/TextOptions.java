package io.statewise.actors.job;

import io.statewise.algorithms.text.StopWords;
import io.statewise.algorithms.text.TokenizerConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a text input is read: which CSV column holds the documents ({@value DataInput#TEXT_CSV} only) and how documents
 * become tokens. Carried in the job's first event (inside {@link DataInput} and {@link InputFormat}), so every field is
 * optional and absent means the default.
 *
 * @param columnName     {@value DataInput#TEXT_CSV}: the text column's name in the header
 * @param columnIndex    {@value DataInput#TEXT_CSV}: the text column's 0-based position (give a name or an index)
 * @param minTokenLength fewest letters of a kept token; default {@value TokenizerConfig#DEFAULT_MIN_LENGTH}
 * @param maxTokenLength most letters of a kept token; default {@value TokenizerConfig#DEFAULT_MAX_LENGTH}
 * @param stopWords      words to drop: absent means the English list; an empty list means none. Kept as given rather
 *                       than expanded, so a persisted job names the list it used
 */
public record TextOptions(Optional<String> columnName, Optional<Integer> columnIndex, Optional<Integer> minTokenLength,
                          Optional<Integer> maxTokenLength, Optional<List<String>> stopWords) {

    public TextOptions {
        columnName = columnName == null ? Optional.empty() : columnName;
        columnIndex = columnIndex == null ? Optional.empty() : columnIndex;
        minTokenLength = minTokenLength == null ? Optional.empty() : minTokenLength;
        maxTokenLength = maxTokenLength == null ? Optional.empty() : maxTokenLength;
        stopWords = stopWords == null ? Optional.empty() : stopWords.map(List::copyOf);
    }

    /** {@link #stopWords()} by name, as clients write it: the English list (the default). */
    public static final String ENGLISH = "english";
    /** {@link #stopWords()} by name, as clients write it: no stop words. */
    public static final String NONE = "none";

    /**
     * Stop words as clients write them: {@value #ENGLISH}, {@value #NONE}, or words separated by commas.
     *
     * @return empty for English, an empty list for none, else the words (stripped, blanks dropped)
     */
    public static Optional<List<String>> parseStopWords(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT);
        if (name.equals(ENGLISH)) return Optional.empty();
        if (name.equals(NONE)) return Optional.of(List.of());
        return Optional.of(Arrays.stream(text.split(",")).map(String::strip).filter(w -> !w.isEmpty())
                .toList());
    }

    /** All defaults: English stop words, tokens of 2 to 50 letters, no column. */
    public static TextOptions defaults() {
        return new TextOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** These options with the CSV column named {@code name}. */
    public TextOptions withColumn(String name) {
        return new TextOptions(Optional.of(name), Optional.empty(), minTokenLength, maxTokenLength, stopWords);
    }

    /** These options with the CSV column at 0-based {@code index}. */
    public TextOptions withColumn(int index) {
        return new TextOptions(Optional.empty(), Optional.of(index), minTokenLength, maxTokenLength, stopWords);
    }

    /** These options with other stop words (empty: none). */
    public TextOptions withStopWords(List<String> words) {
        return new TextOptions(columnName, columnIndex, minTokenLength, maxTokenLength, Optional.of(words));
    }

    /** These options with another minimum token length. */
    public TextOptions withMinTokenLength(int letters) {
        return new TextOptions(columnName, columnIndex, Optional.of(letters), maxTokenLength, stopWords);
    }

    /** Whether a CSV column is given, by name or index. */
    public boolean hasColumn() {
        return columnName.isPresent() || columnIndex.isPresent();
    }

    /**
     * The tokenizer configuration these options describe.
     *
     * @throws IllegalArgumentException if the lengths are out of range
     */
    public TokenizerConfig tokenizer() {
        int min = minTokenLength.orElse(TokenizerConfig.DEFAULT_MIN_LENGTH);
        int max = maxTokenLength.orElse(Math.max(min, TokenizerConfig.DEFAULT_MAX_LENGTH));
        return new TokenizerConfig(min, max, stopWords.orElseGet(StopWords::english));
    }
}
