package io.statewise.ops.http;

import static io.statewise.ops.http.JsonReplies.reply;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.delete;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import io.statewise.actors.service.JobService;
import java.util.Objects;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * The {@code jobs} resource: submit, list, inspect and cancel jobs, fetch a model, predict with it. Every call goes
 * through the asynchronous {@link JobService}; failures become JSON errors in {@link ApiErrors}. Bodies are read as
 * text and parsed by {@link JsonSupport#read} so that malformed JSON is reported with its line and column.
 */
public final class JobRoutes {
    private final JobService jobs;

    /** Routes over {@code jobs}. */
    public JobRoutes(JobService jobs) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    /** The largest page of events when the request names none. */
    static final int DEFAULT_EVENT_PAGE = 100;

    /**
     * {@code /jobs}, {@code /jobs/{id}}, {@code /jobs/{id}/model[?asOf=SEQ|?version=N]}, {@code /jobs/{id}/predict},
     * {@code /jobs/{id}/events[?from=SEQ&limit=N]}, {@code /jobs/{id}/versions}, {@code /jobs/{id}/tune},
     * {@code /jobs/{id}/data}, {@code /jobs/{id}/records}, {@code /jobs/{id}/close}.
     */
    public Route routes() {
        return pathPrefix("jobs", () -> concat(
                pathEnd(() -> concat(
                        post(() -> entity(Unmarshaller.entityToString(), this::submit)),
                        get(this::list))),
                pathPrefix(PathMatchers.segment(), jobId -> concat(
                        pathEnd(() -> concat(
                                get(() -> status(jobId)),
                                delete(() -> cancel(jobId)))),
                        path("model", () -> get(() -> parameterOptional("asOf", asOf ->
                                parameterOptional("version", version -> model(jobId, asOf, version))))),
                        path("versions", () -> get(() -> versions(jobId))),
                        path("data", () -> post(() ->
                                entity(Unmarshaller.entityToString(), body -> addData(jobId, body)))),
                        path("tune", () -> post(() ->
                                entity(Unmarshaller.entityToString(), body -> tune(jobId, body)))),
                        path("events", () -> get(() -> parameterOptional("from", from ->
                                parameterOptional("limit", limit -> events(jobId, from, limit))))),
                        path("predict", () -> post(() ->
                                entity(Unmarshaller.entityToString(), body -> predict(jobId, body)))),
                        new OnlineRoutes(jobs).routes(jobId)))));
    }

    private Route submit(String body) {
        var spec = JsonSupport.read(body, SubmitJobRequest.class).toSpec();
        return reply(StatusCodes.ACCEPTED, jobs.submit(spec).thenApply(JobStatusDto::from));
    }

    private Route list() {
        return reply(StatusCodes.OK, jobs.list().thenApply(all ->
                new JobListDto(all.stream().map(JobStatusDto::from).toList())));
    }

    private Route status(String jobId) {
        return reply(StatusCodes.OK, jobs.status(jobId).thenApply(JobStatusDto::from));
    }

    private Route cancel(String jobId) {
        return reply(StatusCodes.OK, jobs.cancel(jobId).thenApply(JobStatusDto::from));
    }

    private Route model(String jobId, Optional<String> rawAsOf, Optional<String> rawVersion) {
        Optional<Long> asOf = QueryParameters.positive("asOf", rawAsOf);
        Optional<Integer> version = QueryParameters.positiveInt("version", rawVersion);
        if (asOf.isPresent() && version.isPresent()) {
            throw new InvalidRequestException("version", "give either asOf or version, not both");
        }
        if (asOf.isPresent()) {
            return reply(StatusCodes.OK, jobs.modelAsOf(jobId, asOf.get()).thenApply(HistoricModelDto::from));
        }
        if (version.isPresent()) {
            return reply(StatusCodes.OK, jobs.modelVersion(jobId, version.get()).thenApply(HistoricModelDto::from));
        }
        return reply(StatusCodes.OK, jobs.model(jobId).thenApply(ModelDto::from));
    }

    private Route addData(String jobId, String body) {
        var data = JsonSupport.read(body, DataInputRequest.class).toDataInput("data");
        return reply(StatusCodes.ACCEPTED, jobs.addData(jobId, data).thenApply(JobStatusDto::from));
    }

    private Route tune(String jobId, String body) {
        var request = JsonSupport.read(body, TuneJobRequest.class).toRequest();
        return reply(StatusCodes.OK, jobs.tune(jobId, request).thenApply(TuneDto::from));
    }

    private Route versions(String jobId) {
        return reply(StatusCodes.OK, jobs.versions(jobId).thenApply(v -> VersionListDto.from(jobId, v)));
    }

    private Route events(String jobId, Optional<String> rawFrom, Optional<String> rawLimit) {
        long from = QueryParameters.positive("from", rawFrom).orElse(1L);
        int limit = QueryParameters.positiveInt("limit", rawLimit).orElse(DEFAULT_EVENT_PAGE);
        return reply(StatusCodes.OK, jobs.events(jobId, from, limit).thenApply(p -> EventListDto.from(jobId, p)));
    }

    private Route predict(String jobId, String body) {
        var series = PredictRequest.seriesInstances(body);
        if (series.isPresent()) {
            return reply(StatusCodes.OK, jobs.predictSeries(jobId, series.get()).thenApply(PredictionsDto::new));
        }
        PredictRequest request = JsonSupport.read(body, PredictRequest.class);
        var predictions = request.hasDocuments() ? jobs.predictDocuments(jobId, request.texts())
                : jobs.predict(jobId, request.rows());
        return reply(StatusCodes.OK, predictions.thenApply(PredictionsDto::new));
    }
}
