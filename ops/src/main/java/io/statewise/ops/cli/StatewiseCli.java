package io.statewise.ops.cli;

import io.statewise.actors.service.JobRejectedException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code statewise} command. Errors are one line on stderr ({@code statewise: error: ...}); exit codes are 0 for
 * success, 1 when a job, node or server fails, 2 for bad input (arguments, files, rejected job specs).
 */
@Command(name = "statewise", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = StatewiseCli.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Elastic machine-learning training on Apache Pekko.",
        subcommands = {NodeCommand.class, TrainCommand.class, SubmitCommand.class, JobsCommand.class,
                StatusCommand.class, ModelCommand.class, PredictCommand.class, CancelCommand.class,
                VersionsCommand.class, AddDataCommand.class, TuneCommand.class, ReplayCommand.class,
                SendRecordsCommand.class, TuningJobCommand.class, CommandLine.HelpCommand.class})
public final class StatewiseCli implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the project's error handling, for {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new StatewiseCli())
                .setParameterExceptionHandler(StatewiseCli::onBadArguments)
                .setExecutionExceptionHandler(StatewiseCli::onError);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    private static int onBadArguments(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("statewise: error: " + e.getMessage() + " (see '"
                + command.getCommandSpec().qualifiedName() + " --help')");
        command.getErr().flush();
        return ExitCodes.USAGE;
    }

    private static int onError(Exception thrown, CommandLine command, ParseResult parsed) {
        Throwable e = thrown;
        while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
        int exit;
        String message;
        if (e instanceof CliException c) {
            exit = c.exitCode();
            message = c.getMessage();
        } else if (e instanceof JobRejectedException r) {
            exit = ExitCodes.USAGE;
            message = r.getMessage() + r.field().map(f -> " (field " + f + ")").orElse("");
        } else {
            exit = ExitCodes.FAILURE;
            message = e.getMessage() != null ? e.getMessage() : e.toString();
            if (System.getProperty(LogFile.PROPERTY) != null) {
                LoggerFactory.getLogger(StatewiseCli.class).error("statewise failed", e);
            }
        }
        command.getErr().println("statewise: error: " + message);
        command.getErr().flush();
        return exit;
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StatewiseCli.class.getPackage().getImplementationVersion();
            return new String[] {"statewise " + (version != null ? version : "(development build)")};
        }
    }
}
