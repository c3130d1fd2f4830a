package io.statewise.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny JSON client over the JDK HttpClient for tests against a real node. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** A response: status code and parsed JSON body. */
    record Response(int status, JsonNode body) {}

    Http(String base) {
        this.base = base;
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
    }

    /** Polls a job's status until it is final or the deadline passes; returns the last status. */
    JsonNode awaitFinal(String jobId, Duration timeout) throws IOException, InterruptedException {
        return awaitFinalAt("/v1/jobs/" + jobId, timeout);
    }

    /**
     * Polls the status at {@code path} (a job's or a tuning job's) until its phase is final (completed, failed or
     * cancelled); fails when the deadline passes first.
     */
    JsonNode awaitFinalAt(String path, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status;
        do {
            status = get(path).body();
            String phase = status.path("phase").asText();
            if (phase.equals("completed") || phase.equals("failed") || phase.equals("cancelled")) return status;
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " not final after " + timeout + ": " + status);
    }

    /** Polls a job's status until it reaches {@code epoch} or stops training; returns that status. */
    JsonNode awaitEpoch(String jobId, int epoch, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode s = get("/v1/jobs/" + jobId).body();
            if (s.path("epoch").asInt() >= epoch || !s.path("phase").asText().equals("training")) return s;
            Thread.sleep(10);
        }
        throw new AssertionError("job " + jobId + " never reached epoch " + epoch);
    }

    /** Submits a job spec, expects 202 Accepted, and returns the job id. */
    String submit(String spec) throws IOException, InterruptedException {
        Response submitted = post("/v1/jobs", spec);
        if (submitted.status() != 202) throw new AssertionError("submission refused: " + submitted);
        return submitted.body().path("job_id").asText();
    }

    /** Waits for the job to be final and expects it completed; returns its status. */
    JsonNode awaitCompleted(String jobId, Duration timeout) throws IOException, InterruptedException {
        JsonNode status = awaitFinal(jobId, timeout);
        if (!status.path("phase").asText().equals("completed")) throw new AssertionError("not completed: " + status);
        return status;
    }

    /** Whether {@code GET /v1/jobs} lists the job. */
    boolean lists(String jobId) throws IOException, InterruptedException {
        for (JsonNode j : get("/v1/jobs").body().path("jobs")) {
            if (j.path("job_id").asText().equals(jobId)) return true;
        }
        return false;
    }
}
