package io.statewise.bench;

import io.statewise.algorithms.nn.GaussianSampler;
import io.statewise.algorithms.nn.RandomVariates;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A bag-of-words corpus drawn from LDA's generative model, as LibSVM (label 0, 1-based word indices, counts): the
 * topic model's scaling benchmark on a corpus whose epochs are long enough that the runtime's per-epoch costs do not
 * decide the figure (the real corpus of the quality benchmark is 0.4 CPU-seconds an epoch). {@code topics} topics
 * draw their word distributions from a symmetric Dirichlet({@code beta}) over {@code words} words; each document
 * draws its topic proportions from a symmetric Dirichlet({@code alpha}), a length from Poisson({@code meanLength}) (at
 * least 1), and each token a topic and then a word. The first {@code trainDocuments} documents go to the training file,
 * the next {@code testDocuments} to the test file.
 *
 * <p>Deterministic: every draw comes from one {@link GaussianSampler} seeded with {@code seed}.
 *
 * <p>{@code LdaCorpus <train.svm> <test.svm> <trainDocuments> <testDocuments> <words> <topics> <meanLength> <alpha>
 * <beta> <seed>}
 */
public final class LdaCorpus {

    private LdaCorpus() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 10) {
            System.err.println("usage: LdaCorpus <train.svm> <test.svm> <trainDocuments> <testDocuments> <words>"
                    + " <topics> <meanLength> <alpha> <beta> <seed>");
            System.exit(2);
        }
        GaussianSampler random = new GaussianSampler(Long.parseLong(args[9]));
        int words = Integer.parseInt(args[4]);
        double[][] topicWordCdf = topicWordCdfs(random, Integer.parseInt(args[5]), words, Double.parseDouble(args[8]));
        Documents documents = new Documents(random, topicWordCdf, words, Double.parseDouble(args[6]),
                Double.parseDouble(args[7]));
        documents.write(Path.of(args[0]), Long.parseLong(args[2]));
        documents.write(Path.of(args[1]), Long.parseLong(args[3]));
    }

    /** Each topic's cumulative word distribution, a Dirichlet draw. */
    private static double[][] topicWordCdfs(GaussianSampler random, int topics, int words, double beta) {
        double[][] cdf = new double[topics][];
        for (int k = 0; k < topics; k++) cdf[k] = cumulative(dirichlet(random, words, beta));
        return cdf;
    }

    private static double[] dirichlet(GaussianSampler random, int size, double concentration) {
        double[] p = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++) total += p[i] = RandomVariates.gamma(random, concentration);
        for (int i = 0; i < size; i++) p[i] /= total;
        return p;
    }

    private static double[] cumulative(double[] p) {
        double[] cdf = new double[p.length];
        double total = 0;
        for (int i = 0; i < p.length; i++) cdf[i] = total += p[i];
        cdf[p.length - 1] = Double.POSITIVE_INFINITY; // a draw of 1 - ulp never falls past the end
        return cdf;
    }

    private static int draw(GaussianSampler random, double[] cdf) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return i < 0 ? -i - 1 : i;
    }

    /** Draws documents one after the other, reusing its buffers. */
    private static final class Documents {
        private final GaussianSampler random;
        private final double[][] topicWordCdf;
        private final double meanLength;
        private final double alpha;
        private final int[] count;
        private final int[] present;
        private final StringBuilder line = new StringBuilder();

        Documents(GaussianSampler random, double[][] topicWordCdf, int words, double meanLength, double alpha) {
            this.random = random;
            this.topicWordCdf = topicWordCdf;
            this.meanLength = meanLength;
            this.alpha = alpha;
            this.count = new int[words];
            this.present = new int[words];
        }

        void write(Path file, long documents) throws IOException {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
                for (long d = 0; d < documents; d++) out.append(next());
            }
        }

        private CharSequence next() {
            double[] topicCdf = cumulative(dirichlet(random, topicWordCdf.length, alpha));
            int length = Math.max(1, (int) RandomVariates.poisson(random, meanLength));
            int distinct = 0;
            for (int t = 0; t < length; t++) {
                int word = draw(random, topicWordCdf[draw(random, topicCdf)]);
                if (count[word]++ == 0) present[distinct++] = word;
            }
            Arrays.sort(present, 0, distinct);
            line.setLength(0);
            line.append('0');
            for (int i = 0; i < distinct; i++) {
                line.append(' ').append(present[i] + 1).append(':').append(count[present[i]]);
                count[present[i]] = 0;
            }
            return line.append('\n');
        }
    }
}
