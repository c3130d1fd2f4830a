package io.statewise.ops.cli;

import io.statewise.actors.job.TextOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The text options of {@code statewise train} and {@code add-data}: the CSV text column and the tokenizer's filters.
 */
final class TextInputOptions {
    @Option(names = "--text-column", paramLabel = "NAME|N",
            description = "text_csv: the text column, by header name (needs --header) or 0-based index if all digits.")
    String column;
    @Option(names = "--min-token-length", paramLabel = "N",
            description = "Text: fewest letters of a kept token (default: 2).")
    Integer minTokenLength;
    @Option(names = "--max-token-length", paramLabel = "N",
            description = "Text: most letters of a kept token (default: 50).")
    Integer maxTokenLength;
    @Option(names = "--stop-words", paramLabel = "english|none|W1,W2",
            description = "Text: stop words to drop: english, none, or a comma-separated list (default: english).")
    String stopWords;

    /**
     * The options given, or empty when none was (a text input then has the defaults); given with a numeric format,
     * the planner rejects them by name.
     */
    Optional<TextOptions> toTextOptions() {
        if (!given()) return Optional.empty();
        Optional<Integer> index = columnIndex();
        Optional<String> name = index.isPresent() ? Optional.empty() : Optional.ofNullable(column);
        return Optional.of(new TextOptions(name, index, Optional.ofNullable(minTokenLength),
                Optional.ofNullable(maxTokenLength),
                stopWords == null ? Optional.empty() : TextOptions.parseStopWords(stopWords)));
    }

    /** The options given, as the {@code text} object of an HTTP data input; empty when none was. */
    Optional<Map<String, Object>> toRequest() {
        if (!given()) return Optional.empty();
        Map<String, Object> text = new LinkedHashMap<>();
        if (column != null) text.put("column", columnIndex().<Object>map(i -> i).orElse(column));
        if (minTokenLength != null) text.put("min_token_length", minTokenLength);
        if (maxTokenLength != null) text.put("max_token_length", maxTokenLength);
        if (stopWords != null) text.put("stop_words", stopWords);
        return Optional.of(text);
    }

    /** The text column as a 0-based index, when given as digits only (else it is a header name). */
    private Optional<Integer> columnIndex() {
        return column != null && column.strip().matches("\\d{1,9}")
                ? Optional.of(Integer.parseInt(column.strip())) : Optional.empty();
    }

    private boolean given() {
        return column != null || minTokenLength != null || maxTokenLength != null || stopWords != null;
    }
}
