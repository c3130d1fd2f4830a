package io.statewise.ops.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.onSuccess;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Completes a route with a service call's value as JSON ({@link JsonSupport}); a failed call goes to the
 * {@link ApiErrors} handler.
 */
final class JsonReplies {

    private JsonReplies() {}

    /** {@code status} and the value as JSON, once {@code value} completes. */
    static <T> Route reply(StatusCode status, CompletionStage<T> value) {
        return onSuccess(value, v -> complete(status, v, Jackson.<T>marshaller(JsonSupport.mapper())));
    }
}
