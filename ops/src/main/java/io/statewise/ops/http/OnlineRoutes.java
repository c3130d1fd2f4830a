package io.statewise.ops.http;

import static io.statewise.ops.http.JsonReplies.reply;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequestEntity;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.Directives.withoutSizeLimit;

import io.statewise.actors.service.JobService;
import io.statewise.algorithms.data.RecordStreams;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The online part of a job: {@code POST /jobs/{id}/records} streams records into an online job (the body is read as
 * it arrives, without a size limit: a stream may run for hours), {@code POST /jobs/{id}/close} ends its online phase
 * with a model version. The records' syntax comes from {@code ?format=csv|jsonlines}, else from the Content-Type
 * ({@code text/csv}; {@code application/jsonlines}, {@code application/x-ndjson}; anything else reads as CSV).
 */
final class OnlineRoutes {

    private static final Set<String> JSON_LINES_TYPES = Set.of("application/jsonlines", "application/x-jsonlines",
            "application/json-lines", "application/x-ndjson", "application/ndjson");

    private final JobService jobs;

    OnlineRoutes(JobService jobs) {
        this.jobs = jobs;
    }

    /** The routes under {@code /jobs/{jobId}}. */
    Route routes(String jobId) {
        return concat(
                path("records", () -> post(() -> parameterOptional("format", format ->
                        withoutSizeLimit(() -> extractRequestEntity(entity -> records(jobId, format, entity)))))),
                path("close", () -> post(() ->
                        reply(StatusCodes.OK, jobs.close(jobId).thenApply(JobStatusDto::from)))));
    }

    private Route records(String jobId, Optional<String> format, HttpEntity entity) {
        RecordStreams.Syntax syntax = syntax(format, entity.getContentType().mediaType().toString());
        return reply(StatusCodes.OK,
                jobs.postRecords(jobId, syntax, entity.getDataBytes()).thenApply(RecordsAcceptedDto::from));
    }

    /** The syntax a request names: its {@code format} parameter, else its media type. */
    static RecordStreams.Syntax syntax(Optional<String> format, String mediaType) {
        if (format.isPresent()) {
            return switch (format.get().trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> RecordStreams.Syntax.CSV;
                case "jsonlines", "json_lines", "ndjson" -> RecordStreams.Syntax.JSON_LINES;
                default -> throw new InvalidRequestException("format", "'format' must be csv or jsonlines, got '"
                        + format.get() + "'");
            };
        }
        return JSON_LINES_TYPES.contains(mediaType.toLowerCase(Locale.ROOT)) ? RecordStreams.Syntax.JSON_LINES
                : RecordStreams.Syntax.CSV;
    }
}
