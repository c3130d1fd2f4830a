package io.statewise.ops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statewise.ops.http.JsonSupport;
import io.statewise.ops.http.PredictRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code statewise predict ID FILE}: predictions of a job's model for the rows of a CSV file, with
 * {@code --documents} for the documents of a text file (one per line; a topic model trained on text), or with
 * {@code --series} forecasts of the series of a JSON Lines file (one series object per line; a forecasting model).
 */
@Command(name = "predict", description = {"Predicts the rows of a CSV file (or, with --documents, the lines of a text "
        + "file; with --series, the series of a JSON Lines file) with a completed job's model.",
        "Prints {\"predictions\": [...]} in row order."})
final class PredictCommand implements Callable<Integer> {
    /** Rows per request, well below the server's request size limit. */
    private static final int ROWS_PER_REQUEST = 1000;

    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String jobId;
    @Parameters(index = "1", paramLabel = "FILE", description = "Dense CSV rows (or documents), read by this command.")
    Path file;
    @Option(names = "--documents", description = "FILE holds documents of raw text, one per line (default: false).")
    boolean documents;
    @Option(names = "--series", description = "FILE holds time series in JSON Lines, one series object per line, as "
            + "deepar reads them (default: false).")
    boolean series;
    @Option(names = "--header", description = "The file starts with a header line (default: false).")
    boolean header;
    @Option(names = "--label-column", paramLabel = "N|none", defaultValue = "0", converter = LabelColumnConverter.class,
            description = "0-based column to drop before predicting, or none (default: ${DEFAULT-VALUE}, as train).")
    int labelColumn;
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (documents && series) throw CliException.usage("give --documents or --series, not both");
        boolean lines = documents || series;
        List<float[]> rows = lines ? List.of() : CsvRows.read(file, header, labelColumn);
        List<String> texts = lines ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        List<JsonNode> objects = series ? seriesObjects(texts) : List.of();
        int count = series ? objects.size() : documents ? texts.size() : rows.size();
        ApiClient api = client.client();
        ObjectNode result = JsonSupport.mapper().createObjectNode();
        ArrayNode predictions = result.putArray("predictions");
        for (int from = 0; from < count; from += ROWS_PER_REQUEST) {
            int to = Math.min(count, from + ROWS_PER_REQUEST);
            Object chunk = series ? JsonSupport.mapper().createObjectNode().set("instances",
                    JsonSupport.mapper().createArrayNode().addAll(objects.subList(from, to)))
                    : documents ? new PredictRequest(null, texts.subList(from, to))
                    : new PredictRequest(rows.subList(from, to), null);
            JsonNode answer = api.post(ApiClient.jobPath(jobId) + "/predict",
                    JsonSupport.mapper().writeValueAsString(chunk));
            if (!(answer.get("predictions") instanceof ArrayNode got)) {
                throw CliException.failure("the server's prediction answer has no 'predictions' array");
            }
            predictions.addAll(got);
        }
        Output.json(spec.commandLine().getOut(), result);
        return ExitCodes.OK;
    }

    /** The series objects of the file's non-blank lines; a line that is not a JSON object is a usage error. */
    private List<JsonNode> seriesObjects(List<String> lines) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            JsonNode node;
            try {
                node = JsonSupport.mapper().readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                throw CliException.usage(file + ":" + (i + 1) + ": not a JSON series object");
            }
            out.add(node);
        }
        return out;
    }
}
