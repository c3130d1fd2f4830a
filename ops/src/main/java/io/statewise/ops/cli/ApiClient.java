package io.statewise.ops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.ops.http.JobStatusDto;
import io.statewise.ops.http.JsonSupport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small client of a node's HTTP API (JDK {@link HttpClient}). Answers are JSON trees; error answers become
 * {@link CliException}s carrying the server's message (exit 2 for 400, 1 otherwise).
 */
final class ApiClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final URI base;
    private final HttpClient http;

    /** A client of the node at {@code url} ({@code http://host:port}). */
    ApiClient(String url) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("bad --url '" + url + "': " + e.getMessage());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw CliException.usage("bad --url '" + url + "': expected http://HOST:PORT");
        }
        this.base = uri;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    JsonNode get(String path) throws InterruptedException {
        return send(request(path).GET().build());
    }

    JsonNode post(String path, String json) throws InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Posts the bytes of {@code body} with chunked transfer, as it reads them (a file of any size, or standard input),
     * without the request timeout: a stream takes as long as it takes.
     */
    JsonNode postStream(String path, String contentType, java.util.function.Supplier<java.io.InputStream> body)
            throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofInputStream(body)).build());
    }

    JsonNode delete(String path) throws InterruptedException {
        return send(request(path).DELETE().build());
    }

    /** A job's status, read leniently so that an older CLI can follow a newer server. */
    JobStatusDto status(String jobId) throws InterruptedException {
        return toStatus(get(jobPath(jobId)));
    }

    static JobStatusDto toStatus(JsonNode json) {
        try {
            return JsonSupport.mapper().readerFor(JobStatusDto.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (IOException e) {
            throw CliException.failure("unexpected job status from the server: " + e.getMessage());
        }
    }

    /** {@code /v1/jobs/{id}}. */
    static String jobPath(String jobId) {
        return itemPath("/v1/jobs/", jobId);
    }

    /** {@code /v1/tuning-jobs/{id}}. */
    static String tuningJobPath(String tuningId) {
        return itemPath("/v1/tuning-jobs/", tuningId);
    }

    /** The collection's path, then the id encoded as one path segment (a space is {@code %20}, not {@code +}). */
    private static String itemPath(String collection, String id) {
        return collection + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw CliException.failure("cannot connect to " + base + " (is a node running?)");
        } catch (IOException e) {
            throw CliException.failure(request.method() + " " + request.uri() + " failed: " + e);
        }
        JsonNode body = parse(response);
        if (response.statusCode() >= 400) {
            String error = body != null && body.hasNonNull("error") ? body.get("error").asText() : response.body();
            String field = body != null && body.hasNonNull("field")
                    ? " (field " + body.get("field").asText() + ")" : "";
            int exit = response.statusCode() == 400 ? ExitCodes.USAGE : ExitCodes.FAILURE;
            throw new CliException(exit, error + field + " [HTTP " + response.statusCode() + "]");
        }
        if (body == null) {
            throw CliException.failure("the server answered " + request.uri() + " with non-JSON: " + response.body());
        }
        return body;
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JsonSupport.mapper().readTree(response.body());
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
