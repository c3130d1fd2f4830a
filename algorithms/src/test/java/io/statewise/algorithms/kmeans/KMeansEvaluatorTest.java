package io.statewise.algorithms.kmeans;

import static io.statewise.algorithms.kmeans.KMeansTesting.kmeans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Evaluator;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.DenseBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class KMeansEvaluatorTest {

    private static final KMeansModel MODEL = new KMeansModel(new float[][] {{0, 0}, {10, 0}});

    @Test
    void msdAndSsdMatchAHandComputation() {
        // squared distances to the closest center: 1, 1, 9, 4
        Evaluator evaluator = kmeans("k", 2, "eval_metrics", "msd,ssd").evaluator(MODEL);
        evaluator.add(DenseBatch.of(new float[][] {{1, 0}, {9, 0}}));
        evaluator.add(DenseBatch.of(new float[][] {{10, 3}, {0, -2}}));
        Metrics m = evaluator.result();
        assertEquals(15.0, m.get("ssd"), 1e-12);
        assertEquals(3.75, m.get("msd"), 1e-12);
    }

    @Test
    void onlyTheRequestedMetricsAreReported() {
        Evaluator byDefault = kmeans("k", 2).evaluator(MODEL);
        byDefault.add(DenseBatch.of(new float[][] {{1, 0}}));
        assertEquals(List.of("msd"), List.copyOf(byDefault.result().values().keySet()));
        Evaluator ssdOnly = kmeans("k", 2, "eval_metrics", "[\"ssd\"]").evaluator(MODEL);
        assertEquals(List.of("ssd"), List.copyOf(ssdOnly.result().values().keySet()));
        assertEquals(0.0, ssdOnly.result().get("ssd"));
        assertTrue(Double.isNaN(byDefault.result().get("ssd")));
        assertTrue(Double.isNaN(kmeans("k", 2).evaluator(MODEL).result().get("msd")));
    }

    @Test
    void manyCentersAndManyRecordsAgreeWithADirectLoop() {
        Blobs data = Blobs.generate(1000, 7, 30, 5, 1.0, 51);
        KMeansModel model = new KMeansModel(data.centers());
        KMeansEvaluator evaluator = new KMeansEvaluator(model, List.of(KMeansConfig.EvalMetric.SSD));
        DenseBatch batch = new DenseBatch(300, 7);
        for (float[] row : data.rows()) {
            System.arraycopy(row, 0, batch.features(), batch.size() * 7, 7);
            batch.commitRecord();
            if (batch.isFull()) {
                evaluator.add(batch);
                batch.clear();
            }
        }
        evaluator.add(batch);
        double expected = 0;
        for (float[] row : data.rows()) expected += Math.pow(model.predict(row).distance(), 2);
        assertEquals(expected, evaluator.result().get("ssd"), 1e-9 * expected);
        assertEquals(1000, evaluator.records());
    }

    @Test
    void dataFarFromTheOriginAreAssignedCorrectly() {
        KMeansModel far = new KMeansModel(new float[][] {{10_000f, 10_000f}, {10_000.5f, 10_000f}});
        KMeansEvaluator evaluator = new KMeansEvaluator(far, List.of(KMeansConfig.EvalMetric.SSD));
        evaluator.add(DenseBatch.of(new float[][] {{10_000.125f, 10_000f}, {10_000.375f, 10_000f}}));
        assertEquals(2 * 0.125 * 0.125, evaluator.result().get("ssd"), 1e-9);
    }

    @Test
    void predictReturnsTheClosestCenterAndItsDistance() {
        assertEquals(new ClusterAssignment(1, 3.0), MODEL.predict(new float[] {10, 3}));
        assertEquals(new ClusterAssignment(0, 0.0), MODEL.predict(new float[] {0, 0}));
        assertEquals(new ClusterAssignment(0, 5.0), MODEL.predict(new float[] {5, 0}));
        assertThrows(IllegalArgumentException.class, () -> MODEL.predict(new float[] {1}));
        Evaluator evaluator = kmeans("k", 2).evaluator(MODEL);
        assertThrows(IllegalArgumentException.class, () -> evaluator.add(DenseBatch.of(new float[][] {{1, 2, 3}})));
    }

    @Test
    void modelsAreImmutableAndValidated() {
        float[][] centers = {{1, 2}, {3, 4}};
        KMeansModel model = new KMeansModel(centers);
        centers[0][0] = 99;
        assertEquals(1f, model.centers()[0][0]);
        model.centers()[1][1] = 99;
        assertEquals(4f, model.centers()[1][1]);
        assertEquals(new KMeansModel(new float[][] {{1, 2}, {3, 4}}), model);
        assertNotEquals(new KMeansModel(new float[][] {{1, 2}}), model);
        assertEquals("kmeans", model.algorithm());
        assertThrows(IllegalArgumentException.class, () -> new KMeansModel(new float[0][]));
        assertThrows(IllegalArgumentException.class, () -> new KMeansModel(new float[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> new KMeansModel(new float[][] {{Float.NaN}}));
    }
}
