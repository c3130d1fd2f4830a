package io.statewise.persistence;

/** The journal database cannot be reached or prepared; the message names the database, the user and the cause. */
public final class JournalUnavailableException extends RuntimeException {
    public JournalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
