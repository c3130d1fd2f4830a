package io.statewise.ops.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.onSuccess;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.reject;

import io.statewise.actors.node.ClusterView;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.actors.service.JobService;
import io.statewise.actors.tuningjob.TuningService;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The whole API: {@code /health}, {@code /v1/jobs...}, {@code /v1/tuning-jobs...} and {@code /v1/cluster}, sealed with
 * the JSON error handlers of {@link ApiErrors}.
 */
public final class ApiRoutes {

    private ApiRoutes() {}

    /** The API of a node: its jobs and its cluster. */
    public static Route create(StatewiseNode node) {
        return create(node.jobService(), () -> node.clusterStatus().view(), Optional.of(node.tuningService()));
    }

    /** The API over {@code jobs}, with {@code cluster} answering {@code GET /v1/cluster}. */
    public static Route create(JobService jobs, Supplier<CompletionStage<ClusterView>> cluster) {
        return create(jobs, cluster, Optional.empty());
    }

    /** The API over {@code jobs} and, if given, tuning jobs. */
    public static Route create(JobService jobs, Supplier<CompletionStage<ClusterView>> cluster,
                               Optional<TuningService> tuning) {
        Route api = concat(
                new HealthRoutes().routes(),
                pathPrefix("v1", () -> concat(
                        tuning.map(t -> new TuningJobRoutes(t).routes()).orElse(reject()),
                        new JobRoutes(jobs).routes(),
                        path("cluster", () -> get(() -> onSuccess(cluster.get(), view ->
                                complete(StatusCodes.OK, view,
                                        Jackson.<ClusterView>marshaller(JsonSupport.mapper()))))))));
        return api.seal(ApiErrors.rejectionHandler(), ApiErrors.exceptionHandler());
    }
}
