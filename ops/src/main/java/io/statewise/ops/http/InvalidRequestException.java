package io.statewise.ops.http;

import java.util.Optional;

/** A request the API cannot read: malformed JSON, a missing or ill-typed field. Answered with 400. */
public final class InvalidRequestException extends RuntimeException {
    private final String field;

    /**
     * @param field   the offending field as a JSON path ({@code train.paths}), or null
     * @param message what was wrong and where
     */
    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field, if known. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
