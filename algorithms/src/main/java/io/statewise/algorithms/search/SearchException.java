package io.statewise.algorithms.search;

import java.util.Optional;

/** A search request the algorithm cannot run (a range that is empty, of the wrong type, or of an unknown name). */
public final class SearchException extends IllegalArgumentException {

    private final String field;

    /**
     * @param field   the request field at fault, e.g. {@code search_space.learning_rate}
     * @param message what was wrong, for the client
     */
    public SearchException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
