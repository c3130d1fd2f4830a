package io.statewise.bench;

import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.CsvSplitReader;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.InputFiles;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.SplitPlanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A whole CSV data set in memory as one row-major float array, read with the project's reader (splits in parallel).
 * For the evaluator and the full-batch reference, which need every record.
 */
final class DenseData {

    final int rows;
    final int dimension;
    /** Row-major {@code rows x dimension}. */
    final float[] values;

    private DenseData(int rows, int dimension, float[] values) {
        this.rows = rows;
        this.dimension = dimension;
        this.values = values;
    }

    static DenseData load(String location, CsvFormat format, int threads) throws Exception {
        List<Path> files = InputFiles.resolve(location);
        DataSchema schema = CsvSplitReader.probe(files, format);
        int d = schema.features();
        int columns = d + (format.labeled() ? 1 : 0);
        List<Split> splits = SplitPlanner.plan(files, 32L << 20);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<float[]>> parts = new ArrayList<>();
            for (Split split : splits) {
                parts.add(pool.submit(() -> {
                    float[] out = new float[1 << 20];
                    int n = 0;
                    DenseBatch batch = new DenseBatch(4096, d);
                    try (CsvSplitReader reader = new CsvSplitReader(split, format, columns, 0)) {
                        while (reader.next(batch)) {
                            int len = batch.size() * d;
                            if (n + len > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, n + len));
                            System.arraycopy(batch.features(), 0, out, n, len);
                            n += len;
                        }
                    }
                    return Arrays.copyOf(out, n);
                }));
            }
            long total = 0;
            List<float[]> chunks = new ArrayList<>();
            for (Future<float[]> f : parts) {
                float[] chunk = f.get();
                chunks.add(chunk);
                total += chunk.length;
            }
            float[] all = new float[Math.toIntExact(total)];
            int at = 0;
            for (float[] chunk : chunks) {
                System.arraycopy(chunk, 0, all, at, chunk.length);
                at += chunk.length;
            }
            return new DenseData(Math.toIntExact(total / d), d, all);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The records as rows (copies). */
    float[][] asRows() {
        float[][] out = new float[rows][];
        for (int i = 0; i < rows; i++) out[i] = Arrays.copyOfRange(values, i * dimension, (i + 1) * dimension);
        return out;
    }
}
