package io.statewise.ops.http;

import java.util.Optional;

/** Parses query parameters once, at the edge: a malformed one is a 400 naming it. */
final class QueryParameters {

    private QueryParameters() {}

    /**
     * A whole number of at least 1.
     *
     * @throws InvalidRequestException naming {@code name} if it is not one
     */
    static Optional<Long> positive(String name, Optional<String> raw) {
        if (raw.isEmpty()) return Optional.empty();
        long value;
        try {
            value = Long.parseLong(raw.get().trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, "query parameter '" + name + "' must be a whole number, got '"
                    + raw.get() + "'");
        }
        if (value < 1) {
            throw new InvalidRequestException(name, "query parameter '" + name + "' must be >= 1, got " + value);
        }
        return Optional.of(value);
    }

    /** As {@link #positive}, for a value that must also fit an int. */
    static Optional<Integer> positiveInt(String name, Optional<String> raw) {
        Optional<Long> value = positive(name, raw);
        if (value.isPresent() && value.get() > Integer.MAX_VALUE) {
            throw new InvalidRequestException(name, "query parameter '" + name + "' is too large: " + value.get());
        }
        return value.map(Long::intValue);
    }
}
