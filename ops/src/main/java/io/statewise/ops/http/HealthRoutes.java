package io.statewise.ops.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** The {@code health} resource: answers while the HTTP server runs, for load balancers and scripts. */
public final class HealthRoutes {
    private static final HealthDto OK = new HealthDto("ok");

    /** {@code GET /health}. */
    public Route routes() {
        return path("health", () -> get(() -> complete(StatusCodes.OK, OK, Jackson.marshaller(JsonSupport.mapper()))));
    }
}
