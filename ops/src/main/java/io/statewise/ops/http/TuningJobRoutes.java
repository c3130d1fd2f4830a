package io.statewise.ops.http;

import static io.statewise.ops.http.JsonReplies.reply;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import io.statewise.actors.tuningjob.TuningService;
import java.util.Objects;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * The {@code tuning-jobs} resource: start a hyperparameter search over child jobs, follow it (every child, its rung,
 * metric and cost), and fetch the best child's model.
 */
public final class TuningJobRoutes {

    private final TuningService tuning;

    public TuningJobRoutes(TuningService tuning) {
        this.tuning = Objects.requireNonNull(tuning, "tuning");
    }

    /** {@code /tuning-jobs}, {@code /tuning-jobs/{id}}, {@code /tuning-jobs/{id}/model}. */
    public Route routes() {
        return pathPrefix("tuning-jobs", () -> concat(
                pathEnd(() -> post(() -> entity(Unmarshaller.entityToString(), this::start))),
                pathPrefix(PathMatchers.segment(), id -> concat(
                        pathEnd(() -> get(() -> reply(StatusCodes.OK,
                                tuning.status(id).thenApply(TuningStatusDto::from)))),
                        path("model", () -> get(() -> reply(StatusCodes.OK,
                                tuning.bestModel(id).thenApply(ModelDto::from))))))));
    }

    private Route start(String body) {
        var request = JsonSupport.read(body, TuningJobRequest.class).toRequest();
        return reply(StatusCodes.ACCEPTED, tuning.start(request).thenApply(TuningStatusDto::from));
    }
}
