package io.statewise.ops.http;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.job.DataInput;
import java.util.List;
import java.util.Locale;

/**
 * One data set of a job request: {@code {"paths": ["data/x.csv"], "header": false, "label_column": 0}}.
 *
 * @param paths       files, directories or globs as the node sees them; a single string is accepted too
 * @param header      whether each file starts with a header line; default false
 * @param labelColumn 0-based label column; absent means 0, {@code null} or {@code "none"} means unlabeled
 */
public record DataInputRequest(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> paths,
                               boolean header, JsonNode labelColumn) {

    /** The runtime's data input; {@code field} is this input's name in the request ({@code train}, ...). */
    DataInput toDataInput(String field) {
        if (paths == null || paths.isEmpty()) {
            throw new InvalidRequestException(field + ".paths", "'" + field + ".paths' needs at least one path");
        }
        if (paths.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new InvalidRequestException(field + ".paths", "'" + field + ".paths' contains an empty path");
        }
        return new DataInput(paths, header, labelColumn(field + ".label_column"));
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
