package io.statewise.ops.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the API and ties its lifetime to the actor system: the binding is registered with {@code CoordinatedShutdown},
 * so it stops accepting connections in the {@code service-unbind} phase and in-flight requests get
 * {@code statewise.ops.http.termination-deadline} to finish.
 */
public final class HttpServer {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private HttpServer() {}

    /**
     * Binds {@code routes} on {@code host:port}.
     *
     * @param port the port; 0 picks a free one
     * @return the bound address (with the actual port); fails if the port is taken
     */
    public static CompletionStage<InetSocketAddress> start(ActorSystem<?> system, Route routes, String host, int port) {
        Duration deadline = system.settings().config().getDuration("statewise.ops.http.termination-deadline");
        return Http.get(system).newServerAt(host, port).bind(routes).thenApply(binding -> {
            binding.addToCoordinatedShutdown(deadline, system);
            log.info("HTTP API bound to {}", binding.localAddress());
            return binding.localAddress();
        });
    }
}
