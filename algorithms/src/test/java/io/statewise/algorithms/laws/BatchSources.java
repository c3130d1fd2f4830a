package io.statewise.algorithms.laws;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.data.TextBatch;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Supplier;

/** Seeded {@link BatchSource}s for fixtures, dense and sparse. */
public final class BatchSources {

    private BatchSources() {}

    /**
     * {@link GaussianBlobs} records in dense batches; labels are the cluster ids.
     *
     * @param batchSize records per batch
     * @param batches   batches per pass
     */
    public static BatchSource denseBlobs(int k, int d, double stddev, int batchSize, int batches, long seed) {
        return source(new DataSchema(d, false), batches, () -> {
            GaussianBlobs blobs = new GaussianBlobs(k, d, stddev, seed);
            DenseBatch batch = new DenseBatch(batchSize, d);
            return () -> {
                blobs.fill(batch);
                return batch;
            };
        });
    }

    /**
     * {@link GaussianBlobs} records in sparse batches: each coordinate is kept with probability {@code density} and
     * is otherwise an implicit zero (a record may have no non-zero at all, which readers also produce).
     */
    public static BatchSource sparseBlobs(int k, int d, double stddev, double density, int batchSize, int batches,
                                          long seed) {
        if (!(density > 0 && density <= 1)) throw new IllegalArgumentException("density must be in (0, 1]");
        return source(new DataSchema(d, false, true), batches, () -> {
            GaussianBlobs blobs = new GaussianBlobs(k, d, stddev, seed);
            Random keep = new Random(~seed);
            DenseBatch dense = new DenseBatch(batchSize, d);
            SparseBatch batch = new SparseBatch(batchSize, d);
            return () -> {
                blobs.fill(dense);
                batch.clear();
                for (int i = 0; i < dense.size(); i++) {
                    for (int t = 0; t < d; t++) {
                        if (keep.nextDouble() < density) batch.add(t, dense.features()[dense.offset(i) + t]);
                    }
                    batch.commitRecord(dense.labels()[i]);
                }
                return batch;
            };
        });
    }

    /**
     * Documents of {@code tokensPerDocument} words drawn from a Zipf distribution over {@code terms} distinct words
     * (rank r with probability proportional to {@code 1 / r^exponent}), as {@link TextBatch}es: the skewed term
     * frequencies of natural text. Word r is {@link #word(int) word(r)}. The schema is a text schema.
     */
    public static BatchSource textZipf(int terms, double exponent, int tokensPerDocument, int batchSize, int batches,
                                       long seed) {
        double[] cdf = zipfCdf(terms, exponent);
        return source(DataSchema.TEXT, batches, () -> {
            Random random = new Random(seed);
            TextBatch batch = new TextBatch(batchSize);
            byte[][] words = new byte[terms][];
            for (int r = 0; r < terms; r++) words[r] = word(r).getBytes(StandardCharsets.UTF_8);
            return () -> {
                batch.clear();
                for (int i = 0; i < batchSize; i++) {
                    for (int t = 0; t < tokensPerDocument; t++) {
                        byte[] w = words[zipfRank(cdf, random.nextDouble())];
                        int at = batch.reserveBytes(w.length);
                        System.arraycopy(w, 0, batch.bytes(), at, w.length);
                        batch.commitToken(at + w.length);
                    }
                    batch.commitDocument(0);
                }
                return batch;
            };
        });
    }

    /**
     * Bags of words in sparse batches, drawn from {@code topics} topics over {@code v} words: each document picks one
     * topic for most of its words (a block of {@code v / topics} words) and some words uniformly at random, with
     * lengths between 5 and 40; about one document in 50 has no word at all, as text data has. Labels are 0.
     */
    public static BatchSource bagsOfWords(int v, int topics, int batchSize, int batches, long seed) {
        if (topics < 1 || v < topics) throw new IllegalArgumentException("need v >= topics >= 1");
        return source(new DataSchema(v, false, true), batches, () -> {
            Random random = new Random(seed);
            SparseBatch batch = new SparseBatch(batchSize, v);
            int[] counts = new int[v];
            int block = v / topics;
            return () -> {
                batch.clear();
                for (int i = 0; i < batchSize; i++) {
                    Arrays.fill(counts, 0);
                    int length = random.nextInt(50) == 0 ? 0 : 5 + random.nextInt(36);
                    int topic = random.nextInt(topics);
                    for (int w = 0; w < length; w++) {
                        counts[random.nextDouble() < 0.8 ? topic * block + random.nextInt(block) : random.nextInt(v)]++;
                    }
                    for (int w = 0; w < v; w++) {
                        if (counts[w] > 0) batch.add(w, counts[w]);
                    }
                    batch.commitRecord(0);
                }
                return batch;
            };
        });
    }

    /** The word of Zipf rank {@code r} (0-based) in {@link #textZipf}: {@code r} in base 26 with letters a..z. */
    public static String word(int r) {
        StringBuilder w = new StringBuilder("w");
        do {
            w.append((char) ('a' + r % 26));
            r /= 26;
        } while (r > 0);
        return w.toString();
    }

    /** The cumulative Zipf distribution over {@code n} ranks. */
    public static double[] zipfCdf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += 1 / Math.pow(r + 1, exponent);
            cdf[r] = sum;
        }
        for (int r = 0; r < n; r++) cdf[r] /= sum;
        return cdf;
    }

    /** The rank whose cumulative probability first reaches {@code u}. */
    public static int zipfRank(double[] cdf, double u) {
        int i = Arrays.binarySearch(cdf, u);
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    /**
     * A source whose every pass calls {@code newPass} for a fresh generator and then asks it for {@code batches}
     * batches.
     */
    public static BatchSource source(DataSchema schema, int batches, Supplier<Supplier<Batch>> newPass) {
        if (batches < 1) throw new IllegalArgumentException("batches must be >= 1, got " + batches);
        return new BatchSource() {
            @Override
            public DataSchema schema() {
                return schema;
            }

            @Override
            public int batches() {
                return batches;
            }

            @Override
            public Iterator<Batch> open() {
                Supplier<Batch> next = newPass.get();
                return new Iterator<>() {
                    private int left = batches;

                    @Override
                    public boolean hasNext() {
                        return left > 0;
                    }

                    @Override
                    public Batch next() {
                        if (left == 0) throw new NoSuchElementException("the pass is over");
                        left--;
                        return next.get();
                    }
                };
            }
        };
    }
}
