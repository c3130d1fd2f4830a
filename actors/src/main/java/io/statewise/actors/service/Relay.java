package io.statewise.actors.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Moves the completion of a stage that Pekko returns (an ask, a stream's result) to a plain
 * {@link CompletableFuture} completed on a given executor.
 *
 * <p>Why: Pekko's Java API converts Scala futures with Scala's {@code FutureConverters}, whose stages run every
 * dependent action, even {@code thenApply}, on the default asynchronous executor. On a machine with fewer than three
 * cores that executor is not a pool but a new thread per action, so every status request or sync reply would start a
 * thread. Dependents of the relayed future run on the relay's executor (a dispatcher) instead.
 */
public final class Relay {

    private Relay() {}

    /** A future completed like {@code stage}, on {@code executor}. */
    public static <T> CompletableFuture<T> on(Executor executor, CompletionStage<T> stage) {
        CompletableFuture<T> out = new CompletableFuture<>();
        stage.whenCompleteAsync((value, error) -> {
            if (error != null) out.completeExceptionally(error);
            else out.complete(value);
        }, executor);
        return out;
    }
}
