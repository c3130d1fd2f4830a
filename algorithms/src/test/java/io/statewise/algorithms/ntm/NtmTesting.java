package io.statewise.algorithms.ntm;

import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.data.TextBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/** Builds NTMs and seeded corpora drawn from LDA's generative model, for tests. */
final class NtmTesting {

    private NtmTesting() {}

    /** Hyperparameters from alternating name, value pairs. */
    static HyperParameters params(Object... nameValues) {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) raw.put((String) nameValues[i], nameValues[i + 1]);
        return NtmProvider.SPEC.parse(raw);
    }

    static Ntm ntm(Object... nameValues) {
        return new Ntm(params(nameValues));
    }

    /**
     * A corpus with known topics.
     *
     * @param topics    {@code K x V} word distributions
     * @param mixtures  each document's topic proportions
     * @param documents each document's word counts, sparse: word index to count
     */
    record Corpus(double[][] topics, double[][] mixtures, List<int[][]> documents) {

        int vocabulary() {
            return topics[0].length;
        }

        DataSchema schema() {
            return new DataSchema(vocabulary(), false, true);
        }

        /** Documents {@code [from, to)} as sparse batches of {@code size} (labels 0). */
        List<Batch> batches(int from, int to, int size) {
            return chunks(from, to, size, () -> new SparseBatch(size, vocabulary()), (b, d) -> {
                SparseBatch sparse = (SparseBatch) b;
                int[][] doc = documents.get(d);
                for (int p = 0; p < doc[0].length; p++) sparse.add(doc[0][p], doc[1][p]);
                sparse.commitRecord(0);
            });
        }

        /** Every document in {@code parts} contiguous splits of batches of {@code size}. */
        List<List<Batch>> splits(int parts, int size) {
            return splits(parts, (from, to) -> batches(from, to, size));
        }

        /**
         * Documents {@code [from, to)} as tokenized text in batches of {@code size}: word {@code w} is
         * {@link #term(int) term(w)}, repeated by its count. Every document {@code d} with {@code d % RARE_EVERY == 0}
         * is replaced by one made of a single word of its own ({@link #rareTerm(int)}, in one document only), which a
         * vocabulary of the V most frequent terms leaves out: an empty document once counted over the vocabulary.
         */
        List<Batch> text(int from, int to, int size) {
            return chunks(from, to, size, () -> new TextBatch(size), (b, d) -> {
                TextBatch text = (TextBatch) b;
                if (d % RARE_EVERY == 0) {
                    token(text, rareTerm(d));
                } else {
                    int[][] doc = documents.get(d);
                    for (int p = 0; p < doc[0].length; p++) {
                        for (int c = 0; c < doc[1][p]; c++) token(text, term(doc[0][p]));
                    }
                }
                text.commitDocument(0);
            });
        }

        /** Every document as text in {@code parts} contiguous splits of batches of {@code size}. */
        List<List<Batch>> textSplits(int parts, int size) {
            return splits(parts, (from, to) -> text(from, to, size));
        }

        private static List<Batch> chunks(int from, int to, int size, Supplier<Batch> fresh,
                                          ObjIntConsumer<Batch> addDocument) {
            List<Batch> out = new ArrayList<>();
            for (int start = from; start < to; start += size) {
                Batch b = fresh.get();
                for (int d = start; d < Math.min(to, start + size); d++) addDocument.accept(b, d);
                out.add(b);
            }
            return out;
        }

        private List<List<Batch>> splits(int parts, BiFunction<Integer, Integer, List<Batch>> range) {
            List<List<Batch>> out = new ArrayList<>();
            int n = documents.size();
            for (int p = 0; p < parts; p++) out.add(range.apply(n * p / parts, n * (p + 1) / parts));
            return out;
        }

        /** Documents in {@code [from, to)} that {@link #text} replaces by a rare word. */
        static int rareDocuments(int from, int to) {
            int n = 0;
            for (int d = from; d < to; d++) n += d % RARE_EVERY == 0 ? 1 : 0;
            return n;
        }

        /** The terms of topic {@code k}'s {@code count} most probable words. */
        List<String> topTerms(int k, int count) {
            List<String> out = new ArrayList<>();
            for (int w : topWords(k, count)) out.add(term(w));
            return out;
        }

        /** The indices of topic {@code k}'s {@code count} most probable words. */
        int[] topWords(int k, int count) {
            float[] asFloat = new float[vocabulary()];
            for (int w = 0; w < asFloat.length; w++) asFloat[w] = (float) topics[k][w];
            return TopWords.largest(asFloat, count);
        }

        /** The per-word perplexity of the documents under the true topics and each document's true mixture. */
        double oraclePerplexity() {
            double logLikelihood = 0;
            double words = 0;
            for (int d = 0; d < documents.size(); d++) {
                int[][] doc = documents.get(d);
                for (int p = 0; p < doc[0].length; p++) {
                    double prob = 0;
                    for (int k = 0; k < topics.length; k++) prob += mixtures[d][k] * topics[k][doc[0][p]];
                    logLikelihood += doc[1][p] * Math.log(prob);
                    words += doc[1][p];
                }
            }
            return Math.exp(-logLikelihood / words);
        }
    }

    /** One document in RARE_EVERY of {@link Corpus#text} is a single rare word. */
    static final int RARE_EVERY = 150;

    private static final String CONSONANTS = "bdfgklmnprstvz";
    private static final String VOWELS = "aeiou";

    /** Word {@code w}'s term: two consonant-vowel syllables ({@code "kiba"}), distinct for {@code w < 4900}. */
    static String term(int w) {
        return syllable(w % 70) + syllable(w / 70);
    }

    /** Document {@code d}'s own rare word, never a {@link #term}. */
    static String rareTerm(int d) {
        return "zz" + term(d);
    }

    private static String syllable(int s) {
        return "" + CONSONANTS.charAt(s % CONSONANTS.length()) + VOWELS.charAt(s / CONSONANTS.length());
    }

    private static void token(TextBatch batch, String term) {
        byte[] utf8 = term.getBytes(StandardCharsets.UTF_8);
        int at = batch.reserveBytes(utf8.length);
        System.arraycopy(utf8, 0, batch.bytes(), at, utf8.length);
        batch.commitToken(at + utf8.length);
    }

    /**
     * LDA's generative model with sparse known topics: topic {@code k} puts 90% of its mass on its own block of
     * {@code core} words (weights falling from 2 to 1 with rank, so its top words are well defined) and 10% uniformly
     * on all V words; each document draws proportions from Dirichlet({@code alpha}), a length uniform in
     * [{@code minLength}, {@code maxLength}], and each word from a topic drawn from its proportions.
     */
    static Corpus lda(int k, int v, int core, int documents, double alpha, int minLength, int maxLength, long seed) {
        if (k * core > v) throw new IllegalArgumentException("the topics' blocks do not fit in the vocabulary");
        Random r = new Random(seed);
        double[][] topics = new double[k][v];
        for (int t = 0; t < k; t++) {
            double sum = 0;
            for (int c = 0; c < core; c++) sum += 2 - c / (double) core;
            for (int w = 0; w < v; w++) topics[t][w] = 0.1 / v;
            for (int c = 0; c < core; c++) topics[t][t * core + c] += 0.9 * (2 - c / (double) core) / sum;
        }
        double[][] mixtures = new double[documents][];
        List<int[][]> docs = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            double[] theta = dirichlet(r, k, alpha);
            mixtures[d] = theta;
            int length = minLength + r.nextInt(maxLength - minLength + 1);
            int[] counts = new int[v];
            for (int i = 0; i < length; i++) counts[draw(r, topics[draw(r, theta)])]++;
            int nnz = 0;
            for (int c : counts) nnz += c > 0 ? 1 : 0;
            int[][] doc = new int[2][nnz];
            for (int w = 0, p = 0; w < v; w++) {
                if (counts[w] > 0) {
                    doc[0][p] = w;
                    doc[1][p++] = counts[w];
                }
            }
            docs.add(doc);
        }
        return new Corpus(topics, mixtures, docs);
    }

    private static int draw(Random r, double[] p) {
        double u = r.nextDouble();
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u < 0) return i;
        }
        return p.length - 1;
    }

    private static double[] dirichlet(Random r, int k, double alpha) {
        double[] out = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            out[i] = gamma(r, alpha);
            sum += out[i];
        }
        for (int i = 0; i < k; i++) out[i] /= sum;
        return out;
    }

    /** Marsaglia and Tsang's Gamma(shape, 1) sampler, boosted for shapes below 1. */
    private static double gamma(Random r, double shape) {
        if (shape < 1) return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v <= 0) continue;
            if (Math.log(r.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
        }
    }

    /** How many of {@code a}'s entries are in {@code b}. */
    static int overlap(int[] a, int[] b) {
        int n = 0;
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
