package io.statewise.ops.cli;

import io.statewise.ops.http.JobStatusDto;

/** An error a command reports as one line on stderr before exiting with {@link #exitCode()}. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Bad input (exit 2). */
    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    /** A failure of the job, node or server (exit 1). */
    static CliException failure(String message) {
        return new CliException(ExitCodes.FAILURE, message);
    }

    /** A job that ended without a model (exit 1). */
    static CliException jobEnded(JobStatusDto status) {
        String how = status.phase().equals("cancelled") ? "was cancelled"
                : "failed: " + (status.error() == null ? "no reason given" : status.error());
        return failure("job " + status.jobId() + " " + how);
    }

    int exitCode() {
        return exitCode;
    }
}
