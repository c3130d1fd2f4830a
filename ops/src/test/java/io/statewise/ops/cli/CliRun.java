package io.statewise.ops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line with captured stdout and stderr.
 *
 * @param exitCode the exit code
 * @param out      what went to stdout
 * @param err      what went to stderr
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StatewiseCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
