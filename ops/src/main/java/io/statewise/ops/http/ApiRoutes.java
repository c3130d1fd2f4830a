package io.statewise.ops.http;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import io.statewise.actors.service.JobService;
import org.apache.pekko.http.javadsl.server.Route;

/** The whole API: {@code /health} and {@code /v1/jobs...}, sealed with the JSON error handlers of {@link ApiErrors}. */
public final class ApiRoutes {

    private ApiRoutes() {}

    /** The API over {@code jobs}. */
    public static Route create(JobService jobs) {
        Route api = concat(
                new HealthRoutes().routes(),
                pathPrefix("v1", () -> new JobRoutes(jobs).routes()));
        return api.seal(ApiErrors.rejectionHandler(), ApiErrors.exceptionHandler());
    }
}
