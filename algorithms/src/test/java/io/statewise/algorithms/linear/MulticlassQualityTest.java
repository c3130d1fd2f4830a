package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import org.junit.jupiter.api.Test;

/** Multinomial logistic regression separates well-separated blobs, dense and sparse. */
class MulticlassQualityTest {

    @Test
    void separableBlobsAreClassifiedAlmostPerfectly() {
        LinearTesting.Data data = LinearTesting.blobs(3000, 5, 4, 0.8, 31);
        LinearLearner algorithm = learner("predictor_type", "multiclass_classifier", "num_classes", 5,
                "mini_batch_size", 100, "epochs", 8, "num_models", 8);
        for (boolean sparse : new boolean[] {false, true}) {
            LinearState state = new LinearLearnerDriver(algorithm, 2, 10, true)
                    .train(data.schema(sparse), data.splits(3, 100, sparse));
            LinearModel model = algorithm.finalize(state);
            assertEquals(5, model.outputs());
            LinearEvaluator evaluator = algorithm.evaluator(model);
            for (Batch b : data.batches(500, sparse)) evaluator.add(b);
            Metrics m = evaluator.result();
            assertTrue(m.get("accuracy") > 0.98, m.toString());
            assertTrue(m.get("top_k_accuracy") >= m.get("accuracy"));
            assertTrue(m.get("macro_f1") > 0.98 && m.get("macro_precision") > 0.98 && m.get("macro_recall") > 0.98);
            assertTrue(m.get("cross_entropy") < 0.1, m.toString());
            MulticlassPrediction p = (MulticlassPrediction) model.predict(data.x()[0]);
            assertEquals((int) data.y()[0], p.label());
            double sum = 0;
            for (double v : p.probabilities()) sum += v;
            assertEquals(1, sum, 1e-12);
        }
    }
}
