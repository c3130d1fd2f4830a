package io.statewise.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cluster centers exchanged between the benchmark's runs: one center per line, comma-separated decimals. Every peer
 * (Statewise, Spark, scikit-learn) writes its model in this form, and {@link CentersSsd} scores all of them alike.
 */
final class CentersFile {

    private CentersFile() {}

    static void write(Path file, float[][] centers) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (float[] c : centers) {
                for (int t = 0; t < c.length; t++) {
                    if (t > 0) w.write(',');
                    w.write(Float.toString(c[t]));
                }
                w.write('\n');
            }
        }
    }

    static double[][] read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            line = line.strip();
            if (line.isEmpty()) continue;
            String[] fields = line.split(",");
            double[] row = new double[fields.length];
            for (int t = 0; t < fields.length; t++) row[t] = Double.parseDouble(fields[t].strip()
                    .toLowerCase(Locale.ROOT));
            rows.add(row);
        }
        if (rows.isEmpty()) throw new IOException("no center in " + file);
        return rows.toArray(new double[0][]);
    }
}
