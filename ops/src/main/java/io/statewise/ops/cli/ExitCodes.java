package io.statewise.ops.cli;

/** The exit codes of {@code statewise}. */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** The job, the node or the server failed. */
    static final int FAILURE = 1;
    /** Bad input: arguments, files, a rejected job spec. */
    static final int USAGE = 2;

    private ExitCodes() {}
}
