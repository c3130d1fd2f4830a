package io.statewise.algorithms.data;

/**
 * Input data that cannot be used: a missing path, a glob that matches nothing, an empty file, files of different
 * shapes, or (as {@link DataFormatException}) a malformed record. Unchecked because the runtime reports it to the user
 * as a job failure rather than recovering from it; the message always names the offending path.
 */
public class DataException extends RuntimeException {

    /** A data problem described by {@code message}, which names the path it concerns. */
    public DataException(String message) {
        super(message);
    }

    /** A data problem caused by {@code cause} (typically an I/O error while listing or reading input). */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
