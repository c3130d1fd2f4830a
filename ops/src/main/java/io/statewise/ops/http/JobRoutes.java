package io.statewise.ops.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.delete;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.onSuccess;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import io.statewise.actors.service.JobService;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.StatusCode;
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

    /** {@code /jobs}, {@code /jobs/{id}}, {@code /jobs/{id}/model}, {@code /jobs/{id}/predict}. */
    public Route routes() {
        return pathPrefix("jobs", () -> concat(
                pathEnd(() -> concat(
                        post(() -> entity(Unmarshaller.entityToString(), this::submit)),
                        get(this::list))),
                pathPrefix(PathMatchers.segment(), jobId -> concat(
                        pathEnd(() -> concat(
                                get(() -> status(jobId)),
                                delete(() -> cancel(jobId)))),
                        path("model", () -> get(() -> model(jobId))),
                        path("predict", () -> post(() ->
                                entity(Unmarshaller.entityToString(), body -> predict(jobId, body))))))));
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

    private Route model(String jobId) {
        return reply(StatusCodes.OK, jobs.model(jobId).thenApply(ModelDto::from));
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

    private static <T> Route reply(StatusCode status, CompletionStage<T> value) {
        return onSuccess(value, v -> complete(status, v, Jackson.<T>marshaller(JsonSupport.mapper())));
    }
}
