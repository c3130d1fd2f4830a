package io.statewise.ops.cli;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for the runtime's asynchronous answers on the CLI's main thread (never an actor thread). */
final class Futures {
    /** Longer than any ask timeout of the runtime, so that its own, more precise, timeout errors come first. */
    private static final long TIMEOUT_SECONDS = 120;

    private Futures() {}

    /** The stage's value, or its failure's cause rethrown as is. */
    static <T> T await(CompletionStage<T> stage) throws InterruptedException {
        try {
            return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new CompletionException(cause);
        } catch (TimeoutException e) {
            throw CliException.failure("no answer from the node within " + TIMEOUT_SECONDS + " s");
        }
    }
}
