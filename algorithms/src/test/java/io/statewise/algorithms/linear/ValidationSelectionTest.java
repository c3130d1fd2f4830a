package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.SelectionScorer;
import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.data.Batch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Selection and threshold tuning on validation data, scored for every packed model in one pass. */
class ValidationSelectionTest {

    @Test
    void theLowestValidationLossIsSelectedAndMatchesTheModelsOwnError() {
        LinearTesting.Data train = LinearTesting.regression(1500, new double[] {1, -1, 2}, 3, 1.0, 141);
        LinearTesting.Data validation = LinearTesting.regression(800, new double[] {1, -1, 2}, 3, 1.0, 142);
        LinearLearner algorithm = learner("predictor_type", "regressor", "mini_batch_size", 100, "epochs", 3,
                "num_models", 6);
        LinearState s = LinearLearnerDriver.of(algorithm).train(train.schema(false), List.of(train.batches(100,
                false)));
        PackedEvaluator packed = algorithm.packedEvaluator(s);
        for (Batch b : validation.batches(300, false)) packed.add(b);
        PackedScores scores = packed.result();
        int best = 0;
        for (int m = 1; m < 6; m++) {
            if (scores.meanLoss(m) < scores.meanLoss(best)) best = m;
        }
        LinearModel model = algorithm.finalize(s, algorithm.hyperParameters(), scores);
        assertEquals(best, model.selectedModel());
        assertEquals(scores.meanLoss(best), model.modelLosses()[best], 0);
        LinearEvaluator evaluator = algorithm.evaluator(model);
        for (Batch b : validation.batches(300, false)) evaluator.add(b);
        double expected = evaluator.result().get("mse") / (2 * s.labelScale() * s.labelScale());
        assertEquals(expected, scores.meanLoss(best), 1e-4 * expected);
        assertThrows(IllegalArgumentException.class, () -> algorithm.finalize(s, algorithm.hyperParameters(),
                new PackedScores(5, 0)));
        assertThrows(IllegalArgumentException.class, () -> algorithm.packedEvaluator(algorithm.init(
                train.schema(false))));
    }

    @Test
    void aBinaryThresholdIsTunedOnValidationHistograms() {
        LinearTesting.Data train = LinearTesting.logistic(2000, new double[] {2, 1}, -1, 143);
        LinearTesting.Data validation = LinearTesting.logistic(1000, new double[] {2, 1}, -1, 144);
        LinearLearner algorithm = learner("predictor_type", "binary_classifier", "mini_batch_size", 100, "epochs", 3,
                "num_models", 4, "binary_classifier_model_selection_criteria", "recall_at_target_precision",
                "target_precision", 0.9);
        LinearState s = LinearLearnerDriver.of(algorithm).train(train.schema(true), List.of(train.batches(100,
                true)));
        PackedEvaluator packed = algorithm.packedEvaluator(s);
        for (Batch b : validation.batches(250, true)) packed.add(b);
        LinearModel model = algorithm.finalize(s, algorithm.hyperParameters(), packed.result());
        LinearEvaluator evaluator = algorithm.evaluator(model);
        for (Batch b : validation.batches(250, false)) evaluator.add(b);
        assertTrue(evaluator.result().get("precision") >= 0.9, evaluator.result().toString());
        assertTrue(model.threshold() > 0.5, model.toString());
    }

    @Test
    void theContractsSelectionHookScoresThePackedModelsOfATrainingStateOnly() {
        LinearTesting.Data train = LinearTesting.regression(600, new double[] {1, 2}, 0, 1.0, 145);
        LinearLearner algorithm = learner("predictor_type", "regressor", "mini_batch_size", 100, "epochs", 2,
                "num_models", 3);
        assertTrue(algorithm.selectionScorer(algorithm.init(train.schema(false))).isEmpty(),
                "the scaler state has no candidates yet");
        LinearState s = LinearLearnerDriver.of(algorithm).train(train.schema(false), List.of(train.batches(100,
                false)));
        SelectionScorer scorer = algorithm.selectionScorer(s).orElseThrow();
        for (Batch b : train.batches(200, false)) scorer.add(b);
        SelectionScores generic = scorer.result();
        LinearModel viaContract = algorithm.finalize(s, algorithm.hyperParameters(), generic);
        LinearModel direct = algorithm.finalize(s, algorithm.hyperParameters(), (PackedScores) generic);
        assertEquals(direct, viaContract);
        assertThrows(IllegalArgumentException.class, () -> algorithm.finalize(s, algorithm.hyperParameters(),
                (SelectionScores) other -> other)); // scores of no known algorithm
    }
}
