package io.statewise.ops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.statewise.ops.http.JsonSupport;
import java.io.PrintWriter;

/** Prints the one JSON document a command produces on stdout, pretty-printed, in the API's JSON conventions. */
final class Output {
    private Output() {}

    static void json(PrintWriter out, Object value) {
        try {
            out.println(JsonSupport.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result as JSON", e);
        }
    }
}
