package io.statewise.bench.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * What every Spark peer of the benchmarks shares: a local session set up alike, and a headerless CSV of {@code dim}
 * double columns read with an explicit schema (no schema inference pass) and assembled into one {@code features}
 * vector column. Spark reads lazily, so the load happens inside the estimator's fit.
 */
final class SparkCsv {

    private SparkCsv() {}

    /** A local session without UI, bound to the loopback interface, 2 shuffle partitions. */
    static SparkSession session(String appName, String master) {
        SparkSession spark = SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** The records of {@code data} (headerless, {@code dim} numbers per line) as a {@code features} vector column. */
    static Dataset<Row> features(SparkSession spark, String data, int dim) {
        return read(spark, data, dim, false);
    }

    /**
     * The records of {@code data} (headerless, a label then {@code dim} numbers per line) as a double {@code label}
     * column and a {@code features} vector column.
     */
    static Dataset<Row> labeled(SparkSession spark, String data, int dim) {
        return read(spark, data, dim, true);
    }

    private static Dataset<Row> read(SparkSession spark, String data, int dim, boolean labeled) {
        List<StructField> fields = new ArrayList<>();
        if (labeled) fields.add(DataTypes.createStructField("label", DataTypes.DoubleType, false));
        String[] columns = new String[dim];
        for (int t = 0; t < dim; t++) {
            columns[t] = "c" + t;
            fields.add(DataTypes.createStructField(columns[t], DataTypes.DoubleType, false));
        }
        Dataset<Row> raw = spark.read().schema(DataTypes.createStructType(fields)).option("header", "false").csv(data);
        return new VectorAssembler().setInputCols(columns).setOutputCol("features").transform(raw);
    }
}
