package io.statewise.ops.http;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.statewise.actors.node.ClusterView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.LoggerFactory;

/**
 * The API over a {@link StubJobService}, bound on a free port of 127.0.0.1 in a local (non-cluster) actor system whose
 * logging goes through slf4j to the test log file. Request bodies are limited to 64 KiB.
 */
public final class TestApiServer implements AutoCloseable {
    private static final Config CONFIG = ConfigFactory.parseString("""
            pekko.actor.provider = local
            pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
            pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
            pekko.stdout-loglevel = OFF
            pekko.http.server.parsing.max-content-length = 64k
            """).withFallback(ConfigFactory.load());

    /** What {@code GET /v1/cluster} answers: one node, up, hosting one job and two worker slots, offering four. */
    static final ClusterView CLUSTER = new ClusterView("pekko://statewise@127.0.0.1:2551",
            Optional.of("pekko://statewise@127.0.0.1:2551"), List.of(new ClusterView.Member(
                    "pekko://statewise@127.0.0.1:2551", "up", List.of("api", "worker"), true, 1, 2, 4)));

    private final ActorSystem<Void> system;
    private final StubJobService jobs = new StubJobService();
    private final URI base;
    private final HttpClient client = HttpClient.newHttpClient();

    public TestApiServer() throws Exception {
        LoggerFactory.getILoggerFactory(); // initialize logging once, before Pekko's threads ask for loggers
        system = ActorSystem.create(Behaviors.empty(), "ops-test", CONFIG);
        var address = HttpServer.start(system, ApiRoutes.create(jobs, () -> CompletableFuture.completedFuture(CLUSTER)),
                        "127.0.0.1", 0)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = URI.create("http://127.0.0.1:" + address.getPort());
    }

    public StubJobService jobs() {
        return jobs;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return base.toString();
    }

    public HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").method(method, publisher).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
