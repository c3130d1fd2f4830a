package io.statewise.bench.spark;

import java.util.Locale;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark MLlib peer of the linear-learner benchmark: the training CSV read by {@link SparkCsv} (a label column, then
 * {@code --dim} double columns), then {@link LogisticRegression} with Spark's defaults (L-BFGS, at most 100
 * iterations, no regularization, standardization on; binomial or multinomial family chosen from the labels). The
 * timed span runs from the read to the fitted model (Spark reads lazily, so the load happens inside fit); the session
 * start and the test evaluation are timed separately.
 *
 * <p>{@code SparkLogisticBench --train <csv> --test <csv> --dim D [--master local[2]]} prints one JSON line.
 */
public final class SparkLogisticBench {

    private SparkLogisticBench() {}

    public static void main(String[] argv) {
        String train = null;
        String test = null;
        String master = "local[2]";
        int dim = -1;
        for (int i = 0; i + 1 < argv.length; i += 2) {
            switch (argv[i]) {
                case "--train" -> train = argv[i + 1];
                case "--test" -> test = argv[i + 1];
                case "--master" -> master = argv[i + 1];
                case "--dim" -> dim = Integer.parseInt(argv[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + argv[i]);
            }
        }
        if (train == null || test == null || dim < 1) {
            System.err.println("usage: SparkLogisticBench --train <csv> --test <csv> --dim D [--master local[2]]");
            System.exit(2);
        }

        long t0 = System.nanoTime();
        SparkSession spark = SparkCsv.session("statewise-linear-bench", master);
        double sessionStart = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        LogisticRegression estimator = new LogisticRegression();
        LogisticRegressionModel model = estimator.fit(SparkCsv.labeled(spark, train, dim));
        double total = (System.nanoTime() - t1) / 1e9;

        long t2 = System.nanoTime();
        Dataset<Row> predicted = model.transform(SparkCsv.labeled(spark, test, dim));
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(predicted);
        double evaluate = (System.nanoTime() - t2) / 1e9;

        String json = String.format(Locale.ROOT,
                "{\"session_start_s\": %.4f, \"load_fit_s\": %.4f, \"evaluate_s\": %.4f, \"test_accuracy\": %.6f,"
                        + " \"iterations\": %d, \"max_iter\": %d, \"reg_param\": %s, \"classes\": %d,"
                        + " \"spark_version\": \"%s\", \"master\": \"%s\"}",
                sessionStart, total, evaluate, accuracy, model.summary().totalIterations(), estimator.getMaxIter(),
                estimator.getRegParam(), model.numClasses(), spark.version(), master);
        spark.stop();
        System.out.println(json);
    }
}
