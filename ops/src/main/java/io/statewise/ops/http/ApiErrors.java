package io.statewise.ops.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.respondWithHeader;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.statewise.actors.Failures;
import io.statewise.actors.service.JobNotFoundException;
import io.statewise.actors.service.JobRejectedException;
import io.statewise.actors.service.ModelNotReadyException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Allow;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.http.scaladsl.model.IllegalRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure and rejection into a JSON {@link ApiError}, so that no plain-text error leaves the server:
 * client errors ({@link InvalidRequestException}, {@link JobRejectedException}) are 400, unknown jobs 404, missing
 * models 409, unknown routes 404, wrong methods 405, bodies over {@code max-content-length} 413; anything else is 500
 * and logged.
 */
public final class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    /** Maps exceptions (thrown by routes or failing their stages) to JSON error responses. */
    public static ExceptionHandler exceptionHandler() {
        return ExceptionHandler.newBuilder().matchAny(ApiErrors::onException).build();
    }

    /** Maps rejections (no route, wrong method, ...) to JSON error responses. */
    public static RejectionHandler rejectionHandler() {
        return RejectionHandler.newBuilder()
                .handleAll(MethodRejection.class, ApiErrors::onWrongMethod)
                .handle(MalformedRequestContentRejection.class, ApiErrors::onUnreadableBody)
                .handleNotFound(extractRequest(req ->
                        respond(StatusCodes.NOT_FOUND, ApiError.of("no route for " + describe(req)))))
                .build()
                .withFallback(RejectionHandler.defaultHandler().mapRejectionResponse(ApiErrors::asJson));
    }

    /** Completes with {@code status} and {@code error} as JSON. */
    static Route respond(StatusCode status, ApiError error) {
        return complete(status, error, Jackson.marshaller(JsonSupport.mapper()));
    }

    private static Route onException(Throwable thrown) {
        Throwable e = Failures.cause(thrown);
        if (e instanceof InvalidRequestException r) {
            return respond(StatusCodes.BAD_REQUEST, new ApiError(r.getMessage(), r.field().orElse(null)));
        }
        if (e instanceof JobRejectedException r) {
            return respond(StatusCodes.BAD_REQUEST, new ApiError(r.getMessage(), r.field().orElse(null)));
        }
        if (e instanceof JobNotFoundException) return respond(StatusCodes.NOT_FOUND, ApiError.of(e.getMessage()));
        if (e instanceof ModelNotReadyException) return respond(StatusCodes.CONFLICT, ApiError.of(e.getMessage()));
        if (e instanceof EntityStreamSizeException) {
            return respond(StatusCodes.CONTENT_TOO_LARGE, ApiError.of("request body too large: " + e.getMessage()));
        }
        if (e instanceof IllegalRequestException r) {
            return respond(r.status(), ApiError.of(r.info().formatPretty()));
        }
        return extractRequest(req -> {
            log.error("{} failed", describe(req), e);
            return respond(StatusCodes.INTERNAL_SERVER_ERROR,
                    ApiError.of("internal error in " + describe(req) + ": " + e));
        });
    }

    private static Route onWrongMethod(List<MethodRejection> rejections) {
        HttpMethod[] allowed = rejections.stream().map(MethodRejection::supported).distinct()
                .toArray(HttpMethod[]::new);
        String names = rejections.stream().map(r -> r.supported().value()).distinct()
                .collect(Collectors.joining(", "));
        return extractRequest(req -> respondWithHeader(Allow.create(allowed), () ->
                respond(StatusCodes.METHOD_NOT_ALLOWED, ApiError.of(
                        "method " + req.method().value() + " is not allowed on " + req.getUri().path()
                                + "; allowed: " + names))));
    }

    private static Route onUnreadableBody(MalformedRequestContentRejection rejection) {
        if (rejection.getCause() instanceof EntityStreamSizeException e) {
            return respond(StatusCodes.CONTENT_TOO_LARGE, ApiError.of("request body too large: " + e.getMessage()));
        }
        return respond(StatusCodes.BAD_REQUEST, ApiError.of("unreadable request body: " + rejection.message()));
    }

    /** Rewrites the default handler's plain-text responses as JSON errors. */
    private static HttpResponse asJson(HttpResponse response) {
        if (response.entity() instanceof HttpEntity.Strict strict
                && !response.entity().getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
            String json;
            try {
                json = JsonSupport.mapper().writeValueAsString(ApiError.of(strict.getData().utf8String()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write an error as JSON", e);
            }
            return response.withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, json));
        }
        return response;
    }

    private static String describe(HttpRequest req) {
        return req.method().value() + " " + req.getUri().path();
    }
}
