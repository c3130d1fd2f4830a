package io.statewise.algorithms.linear;

import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds linear learners and seeded data sets for tests. */
final class LinearTesting {

    private LinearTesting() {}

    /** Hyperparameters from alternating name, value pairs (SageMaker spellings such as auto accepted). */
    static HyperParameters params(Object... nameValues) {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) raw.put((String) nameValues[i], nameValues[i + 1]);
        return LinearLearnerProvider.SPEC.parse(LinearLearnerProvider.sageMakerSpellings(raw));
    }

    /** An instance from alternating name, value pairs. */
    static LinearLearner learner(Object... nameValues) {
        return new LinearLearner(params(nameValues));
    }

    /**
     * Records and labels held in memory.
     *
     * @param x rows of features
     * @param y labels
     */
    record Data(float[][] x, float[] y) {

        int size() {
            return x.length;
        }

        int dimension() {
            return x[0].length;
        }

        DataSchema schema(boolean sparse) {
            return new DataSchema(dimension(), true, sparse);
        }

        /** Records {@code [from, to)} as their own batches of {@code batchSize}, dense or CSR. */
        List<Batch> batches(int from, int to, int batchSize, boolean sparse) {
            List<Batch> out = new ArrayList<>();
            for (int start = from; start < to; start += batchSize) {
                int end = Math.min(to, start + batchSize);
                out.add(sparse ? sparseBatch(start, end, batchSize) : denseBatch(start, end, batchSize));
            }
            return out;
        }

        /** All records as batches. */
        List<Batch> batches(int batchSize, boolean sparse) {
            return batches(0, size(), batchSize, sparse);
        }

        /** {@code parts} contiguous splits of about equal size. */
        List<List<Batch>> splits(int parts, int batchSize, boolean sparse) {
            List<List<Batch>> out = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                out.add(batches((int) ((long) size() * p / parts), (int) ((long) size() * (p + 1) / parts), batchSize,
                        sparse));
            }
            return out;
        }

        private DenseBatch denseBatch(int from, int to, int capacity) {
            DenseBatch b = new DenseBatch(capacity, dimension());
            for (int i = from; i < to; i++) {
                System.arraycopy(x[i], 0, b.features(), b.offset(b.size()), dimension());
                b.labels()[b.size()] = y[i];
                b.commitRecord();
            }
            return b;
        }

        private SparseBatch sparseBatch(int from, int to, int capacity) {
            SparseBatch b = new SparseBatch(capacity, dimension());
            for (int i = from; i < to; i++) {
                for (int j = 0; j < dimension(); j++) {
                    if (x[i][j] != 0) b.add(j, x[i][j]);
                }
                b.commitRecord(y[i]);
            }
            return b;
        }
    }

    /**
     * {@code y = x . w + b + noise N(0, noise^2)}, feature {@code j} normal with mean {@code 3 j - 4} and standard
     * deviation {@code 0.5 + j}: means and scales differ, so normalization matters.
     */
    static Data regression(int n, double[] w, double b, double noise, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][w.length];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double t = b;
            for (int j = 0; j < w.length; j++) {
                x[i][j] = (float) (3 * j - 4 + (0.5 + j) * r.nextGaussian());
                t += w[j] * x[i][j];
            }
            y[i] = (float) (t + noise * r.nextGaussian());
        }
        return new Data(x, y);
    }

    /** Labels 1 with probability {@code sigmoid(x . w + b)}; standard normal features. */
    static Data logistic(int n, double[] w, double b, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][w.length];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double t = b;
            for (int j = 0; j < w.length; j++) {
                x[i][j] = (float) r.nextGaussian();
                t += w[j] * x[i][j];
            }
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-t)) ? 1 : 0;
        }
        return new Data(x, y);
    }

    /** {@code classes} Gaussian blobs of spread {@code spread} around centers in {@code [-5, 5]^d}; label = blob. */
    static Data blobs(int n, int classes, int d, double spread, long seed) {
        Random r = new Random(seed);
        double[][] centers = new double[classes][d];
        for (double[] c : centers) {
            for (int j = 0; j < d; j++) c[j] = -5 + 10 * r.nextDouble();
        }
        float[][] x = new float[n][d];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(classes);
            for (int j = 0; j < d; j++) x[i][j] = (float) (centers[c][j] + spread * r.nextGaussian());
            y[i] = c;
        }
        return new Data(x, y);
    }

    /** Each value kept with probability {@code density}, else 0: sparse-looking dense data. */
    static Data sparsify(Data data, double density, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[data.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.x()[i].clone();
            for (int j = 0; j < x[i].length; j++) {
                if (r.nextDouble() >= density) x[i][j] = 0;
            }
        }
        return new Data(x, data.y().clone());
    }
}
