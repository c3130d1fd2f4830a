package io.statewise.actors.service;

import java.util.Optional;

/**
 * A client error: a job spec, data input or request that cannot be accepted.
 * {@link #field()} names the offending spec field (e.g. {@code hyperparameters.k}, {@code train.paths}) when known; the
 * message says what was wrong and where (file, line, column for data errors).
 */
public final class JobRejectedException extends RuntimeException {
    private final String field;

    public JobRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public JobRejectedException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The offending field, if known. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
