package io.statewise.algorithms.codec;

/** Bytes that are not a valid encoding of the expected type and version. */
public final class CodecException extends RuntimeException {
    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
