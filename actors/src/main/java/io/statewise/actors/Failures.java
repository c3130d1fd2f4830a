package io.statewise.actors;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What an asynchronous stage failed with, as actors report it: the futures of work run off the actor threads wrap the
 * failure in a {@link CompletionException} (or {@link ExecutionException}); only those wrappers are unwrapped, so an
 * exception that merely carries a cause (a rejection naming what it rejected) is reported as itself.
 */
public final class Failures {

    private Failures() {}

    /** The failure inside a future's wrapper, or {@code error} itself. */
    public static Throwable cause(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The unwrapped failure's message, or its class and nothing else when it has none. */
    public static String message(Throwable error) {
        Throwable t = cause(error);
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
