package io.statewise.ops.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response: {@code {"error": "...", "field": "..."}}.
 *
 * @param error what was wrong and where
 * @param field the offending request field as a JSON path; omitted when unknown
 */
public record ApiError(String error, @JsonInclude(JsonInclude.Include.NON_NULL) String field) {

    /** An error that concerns no particular field. */
    public static ApiError of(String error) {
        return new ApiError(error, null);
    }
}
