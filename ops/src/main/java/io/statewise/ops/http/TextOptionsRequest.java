package io.statewise.ops.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.job.TextOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code text} object of a text data input:
 * {@code {"column": "body", "min_token_length": 3, "max_token_length": 30, "stop_words": "none"}}. Every field is
 * optional; value ranges and what applies to which format are checked by the planner, which names the field.
 *
 * @param column         text_csv: the text column's header name (a JSON string) or 0-based index (a JSON number)
 * @param minTokenLength fewest letters of a kept token (default 2)
 * @param maxTokenLength most letters of a kept token (default 50)
 * @param stopWords      {@code "english"} (default), {@code "none"}, or the words, as an array or one comma-separated
 *                       string
 */
public record TextOptionsRequest(JsonNode column, Integer minTokenLength, Integer maxTokenLength,
                                 JsonNode stopWords) {

    /** The runtime's options; {@code field} is this object's path in the request ({@code train.text}). */
    TextOptions toTextOptions(String field) {
        Optional<String> name = Optional.empty();
        Optional<Integer> index = Optional.empty();
        if (column != null && !column.isNull()) {
            if (column.isTextual()) {
                name = Optional.of(column.asText());
            } else if (column.isIntegralNumber() && column.canConvertToInt()) {
                index = Optional.of(column.asInt());
            } else {
                throw new InvalidRequestException(field + ".column", "'" + field + ".column' must be a column name "
                        + "(string) or a 0-based index (number), got " + column);
            }
        }
        return new TextOptions(name, index, Optional.ofNullable(minTokenLength), Optional.ofNullable(maxTokenLength),
                stopWords(field + ".stop_words"));
    }

    private Optional<List<String>> stopWords(String field) {
        if (stopWords == null || stopWords.isNull()) return Optional.empty();
        if (stopWords.isTextual()) return TextOptions.parseStopWords(stopWords.asText());
        if (stopWords.isArray()) {
            List<String> words = new ArrayList<>();
            for (JsonNode word : stopWords) {
                if (!word.isTextual()) {
                    throw new InvalidRequestException(field, "'" + field + "' must hold strings, got " + word);
                }
                words.add(word.asText());
            }
            return Optional.of(words);
        }
        throw new InvalidRequestException(field, "'" + field + "' must be \"english\", \"none\" or an array of "
                + "words, got " + stopWords);
    }
}
