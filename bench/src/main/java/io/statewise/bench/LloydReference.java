package io.statewise.bench;

import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.kmeans.LloydKMeans;
import java.nio.file.Path;

/**
 * The project's own full-batch reference: best of {@code --runs} runs of k-means++ seeding and Lloyd over all records
 * in memory ({@link LloydKMeans#bestOf}, single-threaded).
 *
 * <p>{@code LloydReference --data <csv> --k K [--runs 10] [--max-iter 300] [--tol 1e-4] [--seed 0]
 * --centers-out <file>} prints {@code {"load_s", "fit_s", "ssd", "iterations"}}.
 */
public final class LloydReference {

    private LloydReference() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int k = Integer.parseInt(args.required("k"));
        int runs = args.getInt("runs", 10);
        int maxIter = args.getInt("max-iter", 300);
        double tol = Double.parseDouble(args.get("tol", "1e-4"));
        long seed = args.getLong("seed", 0);
        long t0 = System.nanoTime();
        DenseData data = DenseData.load(args.required("data"), CsvFormat.defaults().withLabelColumn(CsvFormat.NO_LABEL),
                2);
        float[][] rows = data.asRows();
        long t1 = System.nanoTime();
        LloydKMeans.Result r = LloydKMeans.bestOf(rows, k, runs, maxIter, tol, seed);
        long t2 = System.nanoTime();
        CentersFile.write(Path.of(args.required("centers-out")), r.centers());
        System.out.println(new Json().put("load_s", (t1 - t0) / 1e9).put("fit_s", (t2 - t1) / 1e9)
                .put("ssd", r.ssd()).put("iterations", r.iterations()).put("runs", runs));
    }
}
