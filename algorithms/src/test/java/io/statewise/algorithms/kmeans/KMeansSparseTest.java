package io.statewise.algorithms.kmeans;

import static io.statewise.algorithms.kmeans.KMeansTesting.kmeans;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.LibSvmFormat;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.SplitPlanner;
import io.statewise.algorithms.training.SplitEpochs;
import io.statewise.algorithms.training.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k-means on sparse batches: the sparse and dense forms of the same records give the same states, models and metrics.
 * The arithmetic differs only in the nearest-center search (float with centering for dense, double expansion for
 * sparse) and in k-means++ distances (direct for dense, expanded for sparse), so the results are equal unless a
 * record is a near-tie between two centers; on these data sets they are bit-identical.
 */
class KMeansSparseTest {

    @TempDir
    Path dir;

    /** Blobs whose records have about {@code zeroFraction} of their coordinates set to exactly 0. */
    private static float[][] sparseBlobs(int n, int d, int c, double zeroFraction, long seed) {
        float[][] rows = Blobs.generate(n, d, c, 10, 1, seed).rows();
        Random random = new Random(seed + 1);
        for (float[] row : rows) {
            for (int t = 0; t < d; t++) {
                if (random.nextDouble() < zeroFraction) row[t] = 0;
            }
        }
        return rows;
    }

    private static DenseBatch dense(float[][] rows, int from, int to) {
        int d = rows[0].length;
        DenseBatch batch = new DenseBatch(Math.max(1, to - from), d);
        for (int i = from; i < to; i++) {
            System.arraycopy(rows[i], 0, batch.features(), batch.size() * d, d);
            batch.commitRecord();
        }
        return batch;
    }

    private static SparseBatch sparse(float[][] rows, int from, int to) {
        int d = rows[0].length;
        SparseBatch batch = new SparseBatch(Math.max(1, to - from), d);
        for (int i = from; i < to; i++) {
            for (int t = 0; t < d; t++) {
                if (rows[i][t] != 0) batch.add(t, rows[i][t]);
            }
            batch.commitRecord(0);
        }
        return batch;
    }

    /** Streams the rows through {@code update} in batches of {@code batchSize}, dense or sparse. */
    private static KMeansState train(ElasticAlgorithm<KMeansState, KMeansModel> algorithm, float[][] rows,
                                     int batchSize, boolean asSparse) {
        KMeansState state = algorithm.startPartial(algorithm.init(new DataSchema(rows[0].length, false, asSparse)), 9);
        for (int i = 0; i < rows.length; i += batchSize) {
            int to = Math.min(rows.length, i + batchSize);
            algorithm.update(state, asSparse ? sparse(rows, i, to) : dense(rows, i, to));
        }
        return state;
    }

    private static void assertSameState(KMeansState expected, KMeansState actual) {
        assertEquals(expected.filled(), actual.filled());
        assertEquals(expected.records(), actual.records());
        for (int j = 0; j < expected.filled(); j++) {
            assertArrayEquals(expected.center(j), actual.center(j), 0.0, "center " + j);
            assertEquals(expected.weight(j), actual.weight(j), 0.0, "weight " + j);
        }
    }

    @Test
    void sparseAndDenseFormsOfTheSameRecordsGiveTheSameStateAndModel() {
        float[][] rows = sparseBlobs(6000, 12, 5, 0.6, 3);
        for (String init : List.of("random", "kmeans++")) {
            var algorithm = kmeans("k", 5, "init_method", init, "mini_batch_size", 500, "seed", 4);
            KMeansState dense = train(algorithm, rows, 500, false);
            KMeansState sparse = train(algorithm, rows, 500, true);
            assertSameState(dense, sparse);
            assertEquals(algorithm.finalize(dense), algorithm.finalize(sparse), init);
        }
    }

    @Test
    void highDimensionalSparseRecordsClusterLikeTheirDenseForm() {
        // 400 features, about 5% non-zero: the sparse search touches ~20 coordinates per record.
        float[][] rows = sparseBlobs(3000, 400, 4, 0.95, 8);
        var algorithm = kmeans("k", 4, "extra_center_factor", 5, "mini_batch_size", 300, "seed", 1);
        KMeansState dense = train(algorithm, rows, 300, false);
        KMeansState sparse = train(algorithm, rows, 300, true);
        assertSameState(dense, sparse);
        KMeansModel model = algorithm.finalize(sparse);
        assertEquals(algorithm.finalize(dense), model);
    }

    @Test
    void theEvaluatorGivesTheSameMetricsForSparseAndDenseBatches() {
        float[][] rows = sparseBlobs(2000, 10, 3, 0.5, 5);
        var algorithm = kmeans("k", 3, "mini_batch_size", 400, "seed", 2, "eval_metrics", "msd,ssd");
        KMeansModel model = algorithm.finalize(train(algorithm, rows, 400, false));
        KMeansEvaluator dense = (KMeansEvaluator) algorithm.evaluator(model);
        KMeansEvaluator sparse = (KMeansEvaluator) algorithm.evaluator(model);
        for (int i = 0; i < rows.length; i += 300) {
            int to = Math.min(rows.length, i + 300);
            dense.add(dense(rows, i, to));
            sparse.add(sparse(rows, i, to));
        }
        Map<String, Double> expected = dense.result().values();
        Map<String, Double> actual = sparse.result().values();
        assertEquals(expected.keySet(), actual.keySet());
        for (String metric : expected.keySet()) {
            assertEquals(expected.get(metric), actual.get(metric), 1e-9 * expected.get(metric), metric);
        }
        assertEquals(rows.length, sparse.records());
    }

    @Test
    void aRecordThatIsACenterIsAtDistanceExactlyZero() {
        SparseCenterSearch search = new SparseCenterSearch(2, 5);
        int[] indices = {1, 3, 4};
        float[] values = {1.5f, -2.25f, 0.1f};
        // 0.1f is not 0.1: the center holds the float's exact value.
        double[] centers = {0, 1.5, 0, -2.25, 0.1f, 3, 3, 3, 3, 3};
        search.load(centers, 2);
        assertEquals(0, search.nearest(indices, values, 0, 3));
        assertEquals(0.0, search.squaredDistance(0, indices, values, 0, 3));
        double tenth = 0.1f;
        double toSecond = 9 + (1.5 - 3) * (1.5 - 3) + 9 + (-2.25 - 3) * (-2.25 - 3) + (tenth - 3) * (tenth - 3);
        assertEquals(toSecond, search.squaredDistance(1, indices, values, 0, 3), 1e-12);
        assertEquals(1, search.nearest(new int[] {0, 1, 2}, new float[] {3, 3, 3}, 0, 3));
    }

    @Test
    void theTrainerGivesTheSameModelFromCsvAndLibSvmFiles() throws IOException {
        float[][] rows = sparseBlobs(3000, 8, 3, 0.5, 12);
        Path csv = dir.resolve("data.csv");
        Path svm = dir.resolve("data.svm");
        // Lines padded with trailing blanks to equal lengths, so that both files are cut into the same records.
        StringBuilder csvText = new StringBuilder();
        StringBuilder svmText = new StringBuilder();
        for (float[] row : rows) {
            StringBuilder csvLine = new StringBuilder("0");
            StringBuilder svmLine = new StringBuilder("0");
            for (int t = 0; t < row.length; t++) {
                csvLine.append(',').append(row[t]);
                if (row[t] != 0) svmLine.append(' ').append(t + 1).append(':').append(row[t]);
            }
            int length = Math.max(csvLine.length(), svmLine.length());
            csvText.append(csvLine).append(" ".repeat(length - csvLine.length())).append('\n');
            svmText.append(svmLine).append(" ".repeat(length - svmLine.length())).append('\n');
        }
        Files.writeString(csv, csvText);
        Files.writeString(svm, svmText);
        assertEquals(SplitPlanner.plan(List.of(csv), 15_000).size(), SplitPlanner.plan(List.of(svm), 15_000).size());
        Map<String, String> params = Map.of("k", "3", "mini_batch_size", "250", "seed", "6", "epochs", "2");
        Model fromCsv = trainAll(Trainer.create("kmeans", params), csv, CsvFormat.defaults());
        Model fromSvm = trainAll(Trainer.create("kmeans", params), svm, LibSvmFormat.defaults());
        assertEquals(fromCsv, fromSvm);

        Trainer trainer = Trainer.create("kmeans", params);
        Metrics csvMetrics = trainer.evaluate(fromCsv, SplitPlanner.plan(List.of(csv), 20_000),
                CsvFormat.defaults(), CsvFormat.defaults().schema(8), 0);
        Metrics svmMetrics = trainer.evaluate(fromCsv, SplitPlanner.plan(List.of(svm), 20_000),
                LibSvmFormat.defaults(), LibSvmFormat.defaults().schema(8), 0);
        double msd = csvMetrics.values().get("msd");
        assertTrue(msd > 0);
        assertEquals(msd, svmMetrics.values().get("msd"), 1e-9 * msd);
    }

    /** Every epoch: each split from the epoch's base, partials merged in split order; then finalize. */
    private static Model trainAll(Trainer trainer, Path file, DataFormat format) {
        List<Split> splits = SplitPlanner.plan(List.of(file), 15_000);
        assertTrue(splits.size() > 2);
        return trainer.finalizeModel(SplitEpochs.train(trainer, splits, format, format.schema(8)));
    }

    @Test
    void aSparseBatchOfTheWrongDimensionIsRejected() {
        var algorithm = kmeans("k", 2);
        KMeansState state = algorithm.startPartial(algorithm.init(new DataSchema(3, false, true)), 1);
        Batch wrong = new SparseBatch(2, 4);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> algorithm.update(state, wrong));
    }
}
