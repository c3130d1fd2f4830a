package io.statewise.algorithms.pca;

import static io.statewise.algorithms.pca.PcaTesting.feed;
import static io.statewise.algorithms.pca.PcaTesting.onePass;
import static io.statewise.algorithms.pca.PcaTesting.pca;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.Evaluator;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import org.junit.jupiter.api.Test;

/** Models project, copy their arrays, compare by content; the evaluator measures reconstruction error. */
class PcaModelTest {

    private static final float[][] ROWS = PcaTesting.lowRankPlusNoise(800, 10, new double[] {5, 3, 2}, 0.4, 3);
    private static final ElasticAlgorithm<PcaState, PcaModel> REGULAR = pca("num_components", 3);

    @Test
    void predictProjectsTheCenteredRecordOntoTheComponents() {
        PcaModel model = REGULAR.finalize(onePass(REGULAR, ROWS, 1));
        float[] x = ROWS[17];
        double[] coordinates = model.predict(x).coordinates();
        float[][] v = model.components();
        float[] mean = model.mean();
        for (int i = 0; i < 3; i++) {
            double expected = 0;
            for (int j = 0; j < 10; j++) expected += v[i][j] * (x[j] - mean[j]);
            assertEquals(expected, coordinates[i], 1e-5);
        }
        assertThrows(IllegalArgumentException.class, () -> model.predict(new float[9]));
        assertEquals(new Projection(new double[] {1, 2}), new Projection(new double[] {1, 2}));
        assertEquals(new Projection(new double[] {1, 2}).hashCode(), new Projection(new double[] {1, 2}).hashCode());
    }

    @Test
    void modelsCopyTheirArraysAndCompareByContent() {
        float[][] components = {{1, 0}, {0, 1}};
        double[] variance = {2, 1};
        double[] ratio = {0.6, 0.3};
        float[] mean = {5, 6};
        PcaModel model = new PcaModel(components, variance, ratio, mean, "regular");
        components[0][0] = 9;
        variance[0] = 9;
        mean[0] = 9;
        model.components()[1][1] = 7;
        model.explainedVariance()[1] = 7;
        model.mean()[1] = 7;
        PcaModel same = new PcaModel(new float[][] {{1, 0}, {0, 1}}, new double[] {2, 1}, new double[] {0.6, 0.3},
                new float[] {5, 6}, "regular");
        assertEquals(same, model);
        assertEquals(same.hashCode(), model.hashCode());
        assertNotEquals(same, new PcaModel(new float[][] {{1, 0}, {0, 1}}, new double[] {2, 1},
                new double[] {0.6, 0.3}, new float[] {5, 6}, "sketch"));
        assertEquals(0.9, model.explainedVarianceRatioTotal(), 1e-12);
        assertEquals("pca", model.algorithm());
        assertEquals(2, model.featureDimension());
        assertThrows(IllegalArgumentException.class, () -> new PcaModel(new float[][] {{1, 0}}, new double[] {-1},
                new double[] {0}, new float[2], "regular"));
        assertThrows(IllegalArgumentException.class, () -> new PcaModel(new float[][] {{1, 0}}, new double[] {1},
                new double[] {0}, new float[3], "regular"));
        assertThrows(IllegalArgumentException.class, () -> new PcaModel(new float[][] {{1, 0}}, new double[] {1},
                new double[] {0}, new float[2], "exact"));
    }

    @Test
    void theEvaluatorReportsTheReconstructionErrorOfDenseAndSparseRecordsAlike() {
        float[][] rows = PcaTesting.sparseRows(300, 10, 0.3, 8);
        PcaModel model = REGULAR.finalize(onePass(REGULAR, rows, 1));
        double expected = 0;
        float[][] v = model.components();
        float[] mean = model.mean();
        for (float[] x : rows) {
            double[] y = new double[10];
            for (int j = 0; j < 10; j++) y[j] = (double) x[j] - mean[j];
            double[] r = y.clone();
            for (float[] vi : v) {
                double c = 0;
                for (int j = 0; j < 10; j++) c += vi[j] * y[j];
                for (int j = 0; j < 10; j++) r[j] -= c * vi[j];
            }
            for (double e : r) expected += e * e / 10;
        }
        expected /= rows.length;
        Evaluator dense = REGULAR.evaluator(model);
        DenseBatch batch = new DenseBatch(64, 10);
        SparseBatch sparse = new SparseBatch(64, 10);
        Evaluator sparseEvaluator = REGULAR.evaluator(model);
        for (float[] row : rows) {
            System.arraycopy(row, 0, batch.features(), batch.size() * 10, 10);
            batch.commitRecord();
            for (int j = 0; j < 10; j++) {
                if (row[j] != 0) sparse.add(j, row[j]);
            }
            sparse.commitRecord(0);
            if (batch.isFull()) {
                dense.add(batch);
                sparseEvaluator.add(sparse);
                batch.clear();
                sparse.clear();
            }
        }
        dense.add(batch);
        sparseEvaluator.add(sparse);
        Metrics a = dense.result();
        Metrics b = sparseEvaluator.result();
        assertEquals(expected, a.get(PcaEvaluator.RECONSTRUCTION_MSE), 1e-9 * expected);
        assertEquals(expected, b.get(PcaEvaluator.RECONSTRUCTION_MSE), 1e-5 * expected);
        assertEquals(model.explainedVarianceRatioTotal(), a.get(PcaEvaluator.EXPLAINED_VARIANCE_RATIO_TOTAL));
        assertEquals(model.explainedVarianceRatioTotal(), b.get(PcaEvaluator.EXPLAINED_VARIANCE_RATIO_TOTAL));
        assertTrue(Double.isNaN(REGULAR.evaluator(model).result().get(PcaEvaluator.RECONSTRUCTION_MSE)));
    }

    @Test
    void theReconstructionErrorOfTheTrainingDataIsTheVarianceLeftOver() {
        PcaModel model = REGULAR.finalize(onePass(REGULAR, ROWS, 1));
        Evaluator evaluator = REGULAR.evaluator(model);
        evaluator.add(DenseBatch.of(ROWS));
        double total = 0;
        PcaTesting.Reference ref = PcaTesting.Reference.of(ROWS, true);
        for (int i = 3; i < 10; i++) total += ref.variances()[i];
        // sum of the discarded eigenvalues, times (n - 1) / n, spread over d features
        double expected = total * (ROWS.length - 1) / ROWS.length / 10;
        assertEquals(expected, evaluator.result().get(PcaEvaluator.RECONSTRUCTION_MSE), 1e-4 * expected);
    }

    @Test
    void updateDoesNotRetainTheBatch() {
        for (String mode : new String[] {"regular", "randomized", "sketch"}) {
            ElasticAlgorithm<PcaState, PcaModel> algorithm = pca("num_components", 2, "algorithm_mode", mode);
            PcaState state = feed(algorithm, algorithm.init(PcaTesting.schema(ROWS)), ROWS, 0, 100, 50);
            DenseBatch batch = DenseBatch.of(java.util.Arrays.copyOfRange(ROWS, 100, 103));
            algorithm.update(state, batch);
            byte[] after = algorithm.stateCodec().encode(state);
            java.util.Arrays.fill(batch.features(), 1e6f);
            batch.clear();
            assertArrayEquals(after, algorithm.stateCodec().encode(state), mode);
            assertEquals(103, state.records());

            SparseBatch sparse = new SparseBatch(4, 10);
            sparse.add(3, 2f);
            sparse.add(7, -1f);
            sparse.commitRecord(0);
            algorithm.update(state, sparse);
            byte[] afterSparse = algorithm.stateCodec().encode(state);
            java.util.Arrays.fill(sparse.values(), 1e6f);
            java.util.Arrays.fill(sparse.indices(), 0);
            assertArrayEquals(afterSparse, algorithm.stateCodec().encode(state), mode);
            assertThrows(IllegalArgumentException.class, () -> algorithm.update(state, new DenseBatch(1, 11)));
        }
    }
}
