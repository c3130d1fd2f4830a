package io.statewise.bench;

import io.statewise.algorithms.data.synthetic.CsvRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * A low-rank signal plus noise as headerless CSV, the PCA benchmark's speed data: {@code X = Z W + noise * N} with
 * {@code Z} ({@code rows x rank}), {@code W} ({@code rank x dim}) and {@code N} ({@code rows x dim}) independent
 * standard normal, every value written with 4 decimals. The top {@code rank} components carry the signal; the others
 * have variance {@code noise^2}.
 *
 * <p>Deterministic: {@code W} and then every row come from one {@link Random} seeded with {@code seed} (whose
 * algorithm is specified, so the file is the same on every JVM).
 *
 * <p>{@code LowRankCsv <file> <rows> <dim> <rank> <noise> <seed>}
 */
public final class LowRankCsv {

    private LowRankCsv() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: LowRankCsv <file> <rows> <dim> <rank> <noise> <seed>");
            System.exit(2);
        }
        write(Path.of(args[0]), Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Double.parseDouble(args[4]), Long.parseLong(args[5]));
    }

    static void write(Path file, long rows, int dim, int rank, double noise, long seed) throws IOException {
        Random random = new Random(seed);
        double[][] w = new double[rank][dim];
        for (double[] row : w) {
            for (int j = 0; j < dim; j++) row[j] = random.nextGaussian();
        }
        double[] z = new double[rank];
        double[] x = new double[dim];
        try (CsvRows out = CsvRows.create(file, dim)) {
            for (long r = 0; r < rows; r++) {
                for (int i = 0; i < rank; i++) z[i] = random.nextGaussian();
                for (int j = 0; j < dim; j++) x[j] = noise * random.nextGaussian();
                for (int i = 0; i < rank; i++) {
                    double zi = z[i];
                    double[] wi = w[i];
                    for (int j = 0; j < dim; j++) x[j] += zi * wi[j];
                }
                out.write(x);
            }
        }
    }
}
