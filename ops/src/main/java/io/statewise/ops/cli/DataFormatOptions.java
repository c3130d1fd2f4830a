package io.statewise.ops.cli;

import io.statewise.actors.job.DataInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How data files are read: the options shared by {@code statewise train} and {@code statewise add-data}. */
final class DataFormatOptions {
    @Option(names = "--header", description = "Every file starts with a header line (default: false).")
    boolean header;
    @Option(names = "--label-column", paramLabel = "N|none", defaultValue = "0", converter = LabelColumnConverter.class,
            description = "0-based label column, or none for unlabeled data (default: ${DEFAULT-VALUE}).")
    int labelColumn;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "Format of all data files: csv (dense), libsvm (sparse 'label index:value ...', needs "
                    + "--features), text (a document per line), text_files (a document per file), text_csv "
                    + "(a document per record, needs --text-column), jsonlines (time series, SageMaker DeepAR's "
                    + "JSON Lines) or series_csv (time series as series,timestamp,value rows) "
                    + "(default: ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--zero-based", description = "LibSVM indices start at 0, not 1 (default: false).")
    boolean zeroBased;
    @Option(names = "--features", paramLabel = "N",
            description = "Feature dimension: required for libsvm; for csv, a check of the column count "
                    + "(default: none).")
    Integer features;
    @Mixin TextInputOptions text = new TextInputOptions();

    /** The runtime's input of {@code paths} read this way. */
    DataInput input(List<String> paths) {
        return new DataInput(paths, header, labelColumn, format, zeroBased, Optional.ofNullable(features),
                text.toTextOptions());
    }

    /** The same input as the JSON object of the HTTP API ({@code POST /v1/jobs/{id}/data}). */
    Map<String, Object> request(List<String> paths) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paths", paths);
        body.put("format", format);
        body.put("header", header);
        body.put("label_column", labelColumn < 0 ? "none" : labelColumn);
        body.put("zero_based", zeroBased);
        if (features != null) body.put("features", features);
        text.toRequest().ifPresent(t -> body.put("text", t));
        return body;
    }
}
