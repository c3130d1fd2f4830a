package io.statewise.ops.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a request body (a job spec, a tuning request) from a file; a missing or unreadable file is a usage error. */
final class RequestFile {

    private RequestFile() {}

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CliException.usage("no such file: " + file);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage());
        }
    }
}
