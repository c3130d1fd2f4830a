package io.statewise.bench.spark;

import java.util.Locale;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark MLlib peer of the PCA benchmark: the CSV read by {@link SparkCsv} (explicit schema of {@code --dim} double
 * columns, a VectorAssembler), then {@link PCA} with {@code k} components (Spark centers the data: it computes the
 * covariance matrix and its eigenvectors). The timed span runs from the read to the fitted model (Spark reads lazily,
 * so the load happens inside fit); the session start is timed separately.
 *
 * <p>{@code SparkPcaBench --data <csv> --dim D --k K [--master local[2]]} prints one JSON line, with the model's
 * explained variance ratios (Spark's {@code explainedVariance}).
 */
public final class SparkPcaBench {

    private SparkPcaBench() {}

    public static void main(String[] argv) {
        String data = null;
        String master = "local[2]";
        int dim = -1;
        int k = -1;
        for (int i = 0; i + 1 < argv.length; i += 2) {
            switch (argv[i]) {
                case "--data" -> data = argv[i + 1];
                case "--master" -> master = argv[i + 1];
                case "--dim" -> dim = Integer.parseInt(argv[i + 1]);
                case "--k" -> k = Integer.parseInt(argv[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + argv[i]);
            }
        }
        if (data == null || dim < 1 || k < 1) {
            System.err.println("usage: SparkPcaBench --data <csv> --dim D --k K [--master local[2]]");
            System.exit(2);
        }

        long t0 = System.nanoTime();
        SparkSession spark = SparkCsv.session("statewise-pca-bench", master);
        double sessionStart = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        Dataset<Row> features = SparkCsv.features(spark, data, dim);
        PCAModel model = new PCA().setK(k).setInputCol("features").setOutputCol("pca").fit(features);
        double total = (System.nanoTime() - t1) / 1e9;

        double[] ratio = model.explainedVariance().toArray();
        StringBuilder ratios = new StringBuilder("[");
        double ratioTotal = 0;
        for (int i = 0; i < ratio.length; i++) {
            if (i > 0) ratios.append(',');
            ratios.append(String.format(Locale.ROOT, "%.8g", ratio[i]));
            ratioTotal += ratio[i];
        }
        ratios.append(']');
        String json = String.format(Locale.ROOT,
                "{\"session_start_s\": %.4f, \"load_fit_s\": %.4f, \"k\": %d, \"explained_variance_ratio\": %s,"
                        + " \"explained_variance_ratio_total\": %.10g, \"spark_version\": \"%s\","
                        + " \"master\": \"%s\"}",
                sessionStart, total, model.getK(), ratios, ratioTotal, spark.version(), master);
        spark.stop();
        System.out.println(json);
    }
}
