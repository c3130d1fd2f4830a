package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static io.statewise.algorithms.linear.LinearTesting.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.Batch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thresholds tuned on score histograms, for every selection criterion, and model selection by them. */
class ThresholdTuningTest {

    /**
     * Two models over 10 bins. Model 0: positives at 0.65 (6) and 0.85 (4), negatives at 0.15 (8) and 0.75 (2).
     * Model 1: positives at 0.55 (10), negatives at 0.35 (9) and 0.55 (1).
     */
    private static PackedScores scores() {
        PackedScores s = new PackedScores(2, 10);
        for (int i = 0; i < 6; i++) s.addScore(0, 0.65, true);
        for (int i = 0; i < 4; i++) s.addScore(0, 0.85, true);
        for (int i = 0; i < 8; i++) s.addScore(0, 0.15, false);
        for (int i = 0; i < 2; i++) s.addScore(0, 0.75, false);
        for (int i = 0; i < 10; i++) s.addScore(1, 0.55, true);
        for (int i = 0; i < 9; i++) s.addScore(1, 0.35, false);
        s.addScore(1, 0.55, false);
        s.addLoss(0, 4.0, 20);
        s.addLoss(1, 6.0, 20);
        return s;
    }

    private static ThresholdTuning.Tuned tune(int m, SelectionCriterion c, double beta, double recall,
                                              double precision) {
        return ThresholdTuning.tune(scores(), m, c, beta, recall, precision);
    }

    @Test
    void eachCriterionFindsItsBestBinEdge() {
        // accuracy: any edge in (0.15, 0.6] misclassifies only the 2 negatives at 0.75; the tie goes nearest 0.5
        ThresholdTuning.Tuned accuracy = tune(0, SelectionCriterion.ACCURACY, 1, 0, 0);
        assertEquals(0.5, accuracy.threshold(), 1e-12);
        assertEquals(18 / 20.0, accuracy.value(), 1e-12);
        // model 1: everything at or above 0.4 is positive: 1 error
        assertEquals(19 / 20.0, tune(1, SelectionCriterion.ACCURACY, 1, 0, 0).value(), 1e-12);
        // F1 of model 0 is best predicting the 12 records >= 0.6: tp 10, fp 2
        ThresholdTuning.Tuned f1 = tune(0, SelectionCriterion.F_BETA, 1, 0, 0);
        assertEquals(20.0 / 22.0, f1.value(), 1e-12);
        // with beta tiny (precision only) the edge moves above the negatives at 0.75
        ThresholdTuning.Tuned precise = tune(0, SelectionCriterion.F_BETA, 1e-3, 0, 0);
        assertEquals(0.8, precise.threshold(), 1e-12);
        // precision at recall >= 0.9 needs all 10 positives: edge in (0.15, 0.6], precision 10/12
        ThresholdTuning.Tuned par = tune(0, SelectionCriterion.PRECISION_AT_TARGET_RECALL, 1, 0.9, 0);
        assertEquals(10 / 12.0, par.value(), 1e-12);
        assertEquals(0.5, par.threshold(), 1e-12);
        // recall at precision >= 0.9: only the 4 positives at 0.85 qualify
        ThresholdTuning.Tuned rap = tune(0, SelectionCriterion.RECALL_AT_TARGET_PRECISION, 1, 0, 0.9);
        assertEquals(0.4, rap.value(), 1e-12);
        assertEquals(0.8, rap.threshold(), 1e-12);
        // loss_function keeps 0.5
        assertEquals(0.5, tune(1, SelectionCriterion.LOSS_FUNCTION, 1, 0, 0).threshold(), 0);
        assertTrue(Double.isNaN(ThresholdTuning.tune(new PackedScores(1, 10), 0, SelectionCriterion.ACCURACY, 1, 0,
                0).value()));
    }

    @Test
    void selectionUsesTheCriterionAndBreaksTiesByLoss() {
        boolean[] none = new boolean[2];
        double[] losses = {0.2, 0.3};
        LinearConfig accuracy = LinearConfig.from(params("predictor_type", "binary_classifier", "num_models", 2));
        assertEquals(1, ModelSelection.select(accuracy, losses, scores(), none).model());
        LinearConfig byLoss = LinearConfig.from(params("predictor_type", "binary_classifier", "num_models", 2,
                "binary_classifier_model_selection_criteria", "loss_function"));
        ModelSelection.Choice choice = ModelSelection.select(byLoss, losses, scores(), none);
        assertEquals(0, choice.model());
        assertEquals(0.5, choice.threshold(), 0);
        LinearConfig recall = LinearConfig.from(params("predictor_type", "binary_classifier", "num_models", 2,
                "binary_classifier_model_selection_criteria", "recall_at_target_precision", "target_precision",
                0.9));
        // model 1 reaches precision 0.9 at 0.4 with recall 1
        assertEquals(1, ModelSelection.select(recall, losses, scores(), none).model());
        assertEquals(0, ModelSelection.select(recall, losses, scores(), new boolean[] {false, true}).model());
        LinearConfig regressor = LinearConfig.from(params("predictor_type", "regressor", "num_models", 2));
        assertEquals(1, ModelSelection.select(regressor, new double[] {Double.NaN, 5}, null, none).model());
    }

    /** End to end: the finalized binary model's threshold is the tuned one and finalize-time criteria change it. */
    @Test
    void finalizeTunesTheThresholdWithoutAnotherPass() {
        LinearTesting.Data data = LinearTesting.logistic(3000, new double[] {1.5, -1, 0.5}, -1.5, 61);
        LinearLearner algorithm = learner("predictor_type", "binary_classifier", "mini_batch_size", 100, "epochs", 5,
                "num_models", 4);
        LinearState state = LinearLearnerDriver.of(algorithm).train(data.schema(false), List.of(data.batches(100,
                false)));
        LinearModel byAccuracy = algorithm.finalize(state);
        LinearModel highRecall = algorithm.finalize(state, params("predictor_type", "binary_classifier",
                "num_models", 4, "binary_classifier_model_selection_criteria", "precision_at_target_recall",
                "target_recall", 0.95));
        assertTrue(highRecall.threshold() < byAccuracy.threshold(), highRecall + " vs " + byAccuracy);
        LinearEvaluator evaluator = algorithm.evaluator(highRecall);
        for (Batch b : data.batches(500, false)) evaluator.add(b);
        assertTrue(evaluator.result().get("recall") >= 0.93, evaluator.result().toString());
    }
}
