package io.statewise.bench;

import io.statewise.algorithms.data.CsvFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one evaluator of the benchmark: the k-means cost (sum of squared Euclidean distances of every record to its
 * nearest center) of several models on the full data, so that every peer's model is scored the same way. Brute
 * force in double: records are parsed to float by the project's reader, centers read as doubles.
 *
 * <p>{@code CentersSsd --data <csv> [--threads 2] name=centers.csv ...} prints
 * {@code {"rows": n, "dimension": d, "<name>": ssd, ...}}.
 */
public final class CentersSsd {

    private CentersSsd() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int threads = args.getInt("threads", 2);
        DenseData data = DenseData.load(args.required("data"), CsvFormat.defaults().withLabelColumn(CsvFormat.NO_LABEL),
                threads);
        Json out = new Json().put("rows", data.rows).put("dimension", data.dimension);
        for (String spec : args.positional()) {
            int eq = spec.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("expected name=centers.csv, got " + spec);
            double[][] centers = CentersFile.read(Path.of(spec.substring(eq + 1)));
            if (centers[0].length != data.dimension) {
                throw new IllegalArgumentException(spec + ": centers of dimension " + centers[0].length + ", data "
                        + data.dimension);
            }
            out.put(spec.substring(0, eq), ssd(data, centers, threads));
        }
        System.out.println(out);
    }

    static double ssd(DenseData data, double[][] centers, int threads) throws Exception {
        int k = centers.length;
        int d = data.dimension;
        double[] flat = new double[k * d];
        for (int j = 0; j < k; j++) System.arraycopy(centers[j], 0, flat, j * d, d);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Double>> parts = new ArrayList<>();
            int chunk = (data.rows + threads - 1) / threads;
            for (int p = 0; p < threads; p++) {
                int from = p * chunk;
                int to = Math.min(data.rows, from + chunk);
                parts.add(pool.submit(() -> {
                    float[] x = data.values;
                    double sum = 0;
                    for (int i = from; i < to; i++) {
                        int off = i * d;
                        double best = Double.POSITIVE_INFINITY;
                        for (int j = 0; j < k; j++) {
                            int c = j * d;
                            double dist = 0;
                            for (int t = 0; t < d; t++) {
                                double diff = x[off + t] - flat[c + t];
                                dist += diff * diff;
                            }
                            if (dist < best) best = dist;
                        }
                        sum += best;
                    }
                    return sum;
                }));
            }
            double total = 0;
            for (Future<Double> f : parts) total += f.get();
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
