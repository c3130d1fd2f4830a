package io.statewise.ops.http;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.job.DataInput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One data set of a job request: {@code {"paths": ["data/x.csv"], "header": false, "label_column": 0}} for CSV,
 * {@code {"paths": ["data/x.svm"], "format": "libsvm", "features": 1000}} for LibSVM,
 * {@code {"paths": ["corpus/"], "format": "text_files", "text": {"stop_words": "none"}}} for text (also
 * {@code "text"}, one document per line, and {@code "text_csv"} with {@code "header": true, "text": {"column":
 * "body"}}).
 *
 * @param paths       files, directories or globs as the node sees them; a single string is accepted too
 * @param header      whether each file starts with a header line; default false (CSV only)
 * @param labelColumn 0-based label column; absent means 0, {@code null} or {@code "none"} means unlabeled (CSV only)
 * @param format      {@code "csv"} (default), {@code "libsvm"}, {@code "text"}, {@code "text_files"} or
 *                    {@code "text_csv"}, in any case
 * @param zeroBased   whether LibSVM indices start at 0; default false (1-based, as LibSVM's tools write)
 * @param features    the feature dimension; required for LibSVM, an optional check for CSV
 * @param text        text formats: the CSV column and tokenizer options ({@link TextOptionsRequest})
 */
public record DataInputRequest(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> paths,
                               boolean header, JsonNode labelColumn, String format, boolean zeroBased,
                               Integer features, TextOptionsRequest text) {

    /** The runtime's data input; {@code field} is this input's name in the request ({@code train}, ...). */
    DataInput toDataInput(String field) {
        return toDataInput(field, true);
    }

    /** As {@link #toDataInput(String)}; without {@code pathsRequired}, an input of no paths (an online job's). */
    DataInput toDataInput(String field, boolean pathsRequired) {
        boolean noPaths = paths == null || paths.isEmpty();
        if (noPaths && pathsRequired) {
            throw new InvalidRequestException(field + ".paths", "'" + field + ".paths' needs at least one path");
        }
        if (!noPaths && paths.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new InvalidRequestException(field + ".paths", "'" + field + ".paths' contains an empty path");
        }
        if (features != null && features < 1) {
            throw new InvalidRequestException(field + ".features",
                    "'" + field + ".features' must be >= 1, got " + features);
        }
        return new DataInput(noPaths ? List.of() : paths, header, labelColumn(field + ".label_column"),
                format(field + ".format"), zeroBased, Optional.ofNullable(features),
                Optional.ofNullable(text).map(t -> t.toTextOptions(field + ".text")));
    }

    private String format(String field) {
        if (format == null) return DataInput.CSV;
        String name = format.trim().toLowerCase(Locale.ROOT);
        if (DataInput.FORMATS.contains(name)) return name;
        throw new InvalidRequestException(field, "'" + field + "' must be one of \""
                + String.join("\", \"", DataInput.FORMATS) + "\"; got \"" + format + "\"");
    }

    private int labelColumn(String field) {
        if (labelColumn == null) return 0;
        if (labelColumn.isNull()) return -1;
        if (labelColumn.isTextual()) {
            String text = labelColumn.asText().trim().toLowerCase(Locale.ROOT);
            if (text.equals("none")) return -1;
            if (text.matches("\\d{1,9}")) return Integer.parseInt(text);
        } else if (labelColumn.canConvertToInt() && labelColumn.isIntegralNumber() && labelColumn.asInt() >= -1) {
            return labelColumn.asInt();
        }
        throw new InvalidRequestException(field,
                "'" + field + "' must be a column number (0-based) or \"none\", got " + labelColumn);
    }
}
