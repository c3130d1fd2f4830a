package io.statewise.ops.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends all logging (the runtime's, Pekko's through slf4j, pekko-http's) to {@code <data-dir>/logs/statewise.log} and
 * nothing to the terminal, which belongs to the command's output and progress. Configured in code rather than by a
 * {@code logback.xml}, so that the jar does not impose a configuration on other users of its classes.
 */
final class LogFile {
    /** The system property that holds the log file, for diagnostics and child code that wants to know. */
    static final String PROPERTY = "statewise.log.file";

    private LogFile() {}

    /**
     * Configures logging into {@code dataDirectory}; call before the node starts.
     *
     * @return the log file
     */
    static Path configure(Path dataDirectory) {
        Path file = dataDirectory.resolve("logs").resolve("statewise.log");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + file.getParent(), e);
        }
        System.setProperty(PROPERTY, file.toString());
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset(); // drops whatever the auto-configuration attached (a console appender, typically)
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
            encoder.start();
            FileAppender<ILoggingEvent> appender = new FileAppender<>();
            appender.setContext(context);
            appender.setName("file");
            appender.setFile(file.toString());
            appender.setAppend(true);
            appender.setEncoder(encoder);
            appender.start();
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.setLevel(Level.INFO);
            root.addAppender(appender);
        }
        return file;
    }

    /** Drops all logging (a command with no data directory to log into); nothing reaches the terminal either. */
    static void discard() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        }
    }
}
