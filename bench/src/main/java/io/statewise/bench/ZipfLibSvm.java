package io.statewise.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Bag-of-words-like sparse data as LibSVM (1-based indices), the PCA benchmark's wide data: every row draws words
 * (feature ranks) from a Zipf distribution of exponent {@code s} over {@code features} words until it holds
 * {@code nnz} distinct words, each row's {@code nnz} uniform in {@code [nnzPerRow / 2, 3 nnzPerRow / 2]}; a word's
 * value is its count in the row. Ranks map to feature indices through a fixed random permutation, so frequent words
 * are spread over the index range. The label is 0.
 *
 * <p>Deterministic: the permutation and every row come from one {@link Random} seeded with {@code seed}.
 *
 * <p>{@code ZipfLibSvm <file> <rows> <features> <nnzPerRow> <exponent> <seed>}
 */
public final class ZipfLibSvm {

    private ZipfLibSvm() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: ZipfLibSvm <file> <rows> <features> <nnzPerRow> <exponent> <seed>");
            System.exit(2);
        }
        write(Path.of(args[0]), Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Double.parseDouble(args[4]), Long.parseLong(args[5]));
    }

    static void write(Path file, long rows, int features, int nnzPerRow, double exponent, long seed)
            throws IOException {
        if (nnzPerRow < 2 || 3L * nnzPerRow / 2 > features) {
            throw new IllegalArgumentException("need 2 <= nnzPerRow <= 2 features / 3");
        }
        Random random = new Random(seed);
        double[] cdf = new double[features];
        double total = 0;
        for (int r = 0; r < features; r++) {
            total += Math.pow(r + 1, -exponent);
            cdf[r] = total;
        }
        for (int r = 0; r < features; r++) cdf[r] /= total;
        int[] indexOfRank = new int[features];
        for (int i = 0; i < features; i++) indexOfRank[i] = i;
        for (int i = features - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = indexOfRank[i];
            indexOfRank[i] = indexOfRank[j];
            indexOfRank[j] = t;
        }
        int[] count = new int[features];
        int[] words = new int[2 * nnzPerRow];
        StringBuilder line = new StringBuilder(4 + 2 * nnzPerRow * 24);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (long row = 0; row < rows; row++) {
                int nnz = nnzPerRow / 2 + random.nextInt(nnzPerRow + 1);
                int distinct = 0;
                while (distinct < nnz) {
                    int rank = Arrays.binarySearch(cdf, random.nextDouble());
                    if (rank < 0) rank = -rank - 1;
                    if (rank >= features) rank = features - 1;
                    int index = indexOfRank[rank];
                    if (count[index]++ == 0) words[distinct++] = index;
                }
                Arrays.sort(words, 0, distinct);
                line.setLength(0);
                line.append('0');
                for (int i = 0; i < distinct; i++) {
                    int index = words[i];
                    line.append(' ').append(index + 1).append(':').append(count[index]);
                    count[index] = 0;
                }
                line.append('\n');
                out.append(line);
            }
        }
    }
}
