package io.statewise.ops.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the rows of a dense CSV file as feature vectors for {@code statewise predict}. */
final class CsvRows {
    private CsvRows() {}

    /**
     * The rows of {@code file}, without the label column; blank lines are skipped.
     *
     * @param labelColumn 0-based column to drop, or -1 to keep every column
     * @throws CliException (exit 2) if the file is missing or a value is not a number, naming the line and field
     */
    static List<float[]> read(Path file, boolean header, int labelColumn) {
        List<float[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && header || line.isBlank()) continue;
                rows.add(parse(file, lineNumber, line, labelColumn));
            }
        } catch (NoSuchFileException e) {
            throw CliException.usage("no such file: " + file);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage());
        }
        return rows;
    }

    private static float[] parse(Path file, int lineNumber, String line, int labelColumn) {
        String[] fields = line.split(",", -1);
        if (labelColumn >= fields.length) {
            throw CliException.usage(file + ":" + lineNumber + ": no label column " + labelColumn + " (the row has "
                    + fields.length + " fields)");
        }
        float[] row = new float[labelColumn >= 0 ? fields.length - 1 : fields.length];
        for (int f = 0, i = 0; f < fields.length; f++) {
            if (f == labelColumn) continue;
            try {
                row[i++] = Float.parseFloat(fields[f].trim());
            } catch (NumberFormatException e) {
                throw CliException.usage(file + ":" + lineNumber + ": field " + f + " (0-based) is not a number: '"
                        + fields[f].trim() + "'");
            }
        }
        return row;
    }
}
