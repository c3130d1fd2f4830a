package io.statewise.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
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

    private static final long[] POW10 = {1, 10, 100, 1000, 10000};
    private static final int DECIMALS = 4;

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
        byte[] line = new byte[dim * 24 + 2];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (long r = 0; r < rows; r++) {
                for (int i = 0; i < rank; i++) z[i] = random.nextGaussian();
                for (int j = 0; j < dim; j++) x[j] = noise * random.nextGaussian();
                for (int i = 0; i < rank; i++) {
                    double zi = z[i];
                    double[] wi = w[i];
                    for (int j = 0; j < dim; j++) x[j] += zi * wi[j];
                }
                int n = 0;
                for (int j = 0; j < dim; j++) {
                    if (j > 0) line[n++] = ',';
                    n = appendFixed(line, n, x[j]);
                }
                line[n++] = '\n';
                out.write(line, 0, n);
            }
        }
    }

    /** Appends {@code v} with {@link #DECIMALS} decimals (values beyond 1e13 are not expected here). */
    private static int appendFixed(byte[] out, int n, double v) {
        long units = Math.round(v * POW10[DECIMALS]);
        if (units < 0) {
            out[n++] = '-';
            units = -units;
        }
        n = appendLong(out, n, units / POW10[DECIMALS]);
        out[n++] = '.';
        long fraction = units % POW10[DECIMALS];
        for (int i = DECIMALS - 1; i >= 0; i--) out[n++] = (byte) ('0' + (fraction / POW10[i]) % 10);
        return n;
    }

    /** Appends the decimal digits of {@code v >= 0}. */
    static int appendLong(byte[] out, int n, long v) {
        if (v == 0) {
            out[n] = '0';
            return n + 1;
        }
        int digits = 0;
        for (long t = v; t > 0; t /= 10) digits++;
        for (int i = n + digits - 1; i >= n; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return n + digits;
    }
}
