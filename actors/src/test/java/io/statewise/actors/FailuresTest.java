package io.statewise.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void unwrapsFutureWrappersButNotExceptionsThatCarryACause() {
        IllegalArgumentException why = new IllegalArgumentException("k must be >= 1");
        IllegalStateException rejection = new IllegalStateException("job rejected", why);
        assertSame(rejection, Failures.cause(new CompletionException(new ExecutionException(rejection))));
        assertSame(rejection, Failures.cause(rejection), "a cause it carries is not what failed");
        assertEquals("job rejected", Failures.message(new CompletionException(rejection)));
        assertEquals("java.lang.NullPointerException", Failures.message(new CompletionException(
                new NullPointerException())), "no message: the class");
    }
}
