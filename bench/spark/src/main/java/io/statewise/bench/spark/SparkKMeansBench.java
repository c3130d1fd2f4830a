package io.statewise.bench.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark MLlib peer of the k-means benchmark: the CSV read by {@link SparkCsv} (explicit schema of {@code --dim}
 * double columns, a VectorAssembler), then {@link KMeans} with its defaults (k-means|| initialization, maxIter 20,
 * tol 1e-4) except {@code k} and a fixed seed. The timed span runs from the read to the fitted model (Spark reads
 * lazily, so the load happens inside fit); the session start is timed separately.
 *
 * <p>{@code SparkKMeansBench --data <csv> --dim D --k K [--master local[2]] [--seed 1] --centers-out <file>} prints one
 * JSON line and writes the model's centers, one per line.
 */
public final class SparkKMeansBench {

    private SparkKMeansBench() {}

    public static void main(String[] argv) throws IOException {
        String data = null;
        String centersOut = null;
        String master = "local[2]";
        int dim = -1;
        int k = -1;
        long seed = 1;
        for (int i = 0; i + 1 < argv.length; i += 2) {
            switch (argv[i]) {
                case "--data" -> data = argv[i + 1];
                case "--centers-out" -> centersOut = argv[i + 1];
                case "--master" -> master = argv[i + 1];
                case "--dim" -> dim = Integer.parseInt(argv[i + 1]);
                case "--k" -> k = Integer.parseInt(argv[i + 1]);
                case "--seed" -> seed = Long.parseLong(argv[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + argv[i]);
            }
        }
        if (data == null || centersOut == null || dim < 1 || k < 1) {
            System.err.println("usage: SparkKMeansBench --data <csv> --dim D --k K [--master local[2]] [--seed 1]"
                    + " --centers-out <file>");
            System.exit(2);
        }

        long t0 = System.nanoTime();
        SparkSession spark = SparkCsv.session("statewise-kmeans-bench", master);
        double sessionStart = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        Dataset<Row> features = SparkCsv.features(spark, data, dim);
        KMeansModel model = new KMeans().setK(k).setSeed(seed).setFeaturesCol("features").fit(features);
        double total = (System.nanoTime() - t1) / 1e9;

        Vector[] centers = model.clusterCenters();
        Path out = Path.of(centersOut);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            for (Vector c : centers) {
                double[] v = c.toArray();
                for (int t = 0; t < v.length; t++) {
                    if (t > 0) w.write(',');
                    w.write(Double.toString(v[t]));
                }
                w.write('\n');
            }
        }
        String json = String.format(Locale.ROOT,
                "{\"session_start_s\": %.4f, \"load_fit_s\": %.4f, \"iterations\": %d, \"training_cost\": %.10g,"
                        + " \"k\": %d, \"max_iter\": %d, \"init_mode\": \"%s\", \"spark_version\": \"%s\","
                        + " \"master\": \"%s\"}",
                sessionStart, total, model.summary().numIter(), model.summary().trainingCost(), centers.length,
                model.getMaxIter(), model.getInitMode(), spark.version(), master);
        spark.stop();
        System.out.println(json);
    }
}
