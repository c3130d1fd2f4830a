package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Epoch ends: per-model losses, early stopping that freezes models, and the histograms of the last epoch. */
class EarlyStoppingTest {

    private static final LinearTesting.Data DATA =
            LinearTesting.logistic(1000, new double[] {2, -1, 1}, 0.5, 131);
    private static final DataSchema SCHEMA = DATA.schema(false);
    private static final List<List<Batch>> SPLITS = List.of(DATA.batches(100, false));

    private static double[] column(LinearState s, int k) {
        double[] out = new double[s.shape().dimension() + 1];
        for (int j = 0; j < out.length; j++) out[j] = s.parameter(j, k);
        return out;
    }

    @Test
    void modelsThatStopImprovingAreFrozenAndTheRestKeepTraining() {
        // a tolerance of 2% stops fast learners (converged) before slow ones (still improving)
        LinearLearner algorithm = learner("predictor_type", "binary_classifier", "mini_batch_size", 100, "epochs", 6,
                "num_models", 8, "early_stopping_patience", 1, "early_stopping_tolerance", 0.02);
        LinearLearnerDriver driver = new LinearLearnerDriver(algorithm, 1, 10, true);
        LinearState s = driver.scalerPass(SCHEMA, SPLITS);
        assertEquals(0, s.epochsDone());
        int frozenBefore = 0;
        for (int epoch = 1; epoch <= 6; epoch++) {
            LinearState next = driver.trainEpoch(SCHEMA, s, SPLITS);
            assertEquals(frozenBefore < 8 ? epoch : s.epochsDone(), next.epochsDone());
            for (int m = 0; m < 8; m++) {
                if (s.isFrozen(m)) assertArrayEquals(column(s, m), column(next, m), "frozen model " + m + " moved");
                assertTrue(Double.isFinite(next.lastEpochLoss(m)));
            }
            int frozen = 0;
            for (int m = 0; m < 8; m++) frozen += next.isFrozen(m) ? 1 : 0;
            assertTrue(frozen >= frozenBefore);
            frozenBefore = frozen;
            s = next;
        }
        assertTrue(frozenBefore >= 2 && frozenBefore < 8, frozenBefore + " frozen");
        LinearModel model = algorithm.finalize(s);
        assertTrue(model.modelLosses()[model.selectedModel()] < 0.6);
    }

    @Test
    void whenEveryModelIsFrozenPartialsWantNoRecords() {
        LinearLearner algorithm = learner("predictor_type", "binary_classifier", "mini_batch_size", 100, "epochs", 5,
                "num_models", 2, "early_stopping_patience", 1, "early_stopping_tolerance", 1.0);
        LinearLearnerDriver driver = new LinearLearnerDriver(algorithm, 1, 10, true);
        LinearState s = driver.trainEpoch(SCHEMA, driver.trainEpoch(SCHEMA, driver.scalerPass(SCHEMA, SPLITS),
                SPLITS), SPLITS);
        assertTrue(s.isFrozen(0) && s.isFrozen(1));
        assertFalse(algorithm.wantsMore(algorithm.startPartial(s, 1)));
        LinearState idle = driver.trainEpoch(SCHEMA, s, SPLITS);
        assertEquals(s.epochsDone(), idle.epochsDone());
        assertEquals(s.records(), idle.records());
        // the histograms of the last epoch with data survive the idle epoch: the threshold is still tuned
        assertEquals(algorithm.finalize(s), algorithm.finalize(idle));
    }

    @Test
    void epochEndsKeepTheLastEpochsHistogramsOnly() {
        LinearLearner algorithm = learner("predictor_type", "binary_classifier", "mini_batch_size", 100, "epochs", 3,
                "num_models", 2);
        LinearLearnerDriver driver = new LinearLearnerDriver(algorithm, 1, 3, true);
        LinearState s = driver.train(SCHEMA, SPLITS);
        PackedScores running = s.running();
        double total = 0;
        for (int b = 0; b < LinearConfig.HISTOGRAM_BINS; b++) {
            total += running.positives(0, b) + running.negatives(0, b);
        }
        assertEquals(1000, total, 0);
        assertEquals(0, s.running().lossWeight(0), 0);
        LinearLearnerDriver noEpochEnds = new LinearLearnerDriver(algorithm, 1, 3, false);
        LinearState all = noEpochEnds.train(SCHEMA, SPLITS);
        assertEquals(3000, all.running().lossWeight(0), 0);
    }

    @Test
    void validationScoresCanDriveEarlyStopping() {
        LinearLearner algorithm = learner("predictor_type", "binary_classifier", "mini_batch_size", 100, "epochs", 2,
                "num_models", 3, "early_stopping_patience", 1);
        LinearLearnerDriver driver = new LinearLearnerDriver(algorithm, 1, 10, false);
        LinearState s = driver.trainEpoch(SCHEMA, driver.scalerPass(SCHEMA, SPLITS), SPLITS);
        PackedScores validation = new PackedScores(3, LinearConfig.HISTOGRAM_BINS);
        validation.addLoss(0, 1.0, 1);
        validation.addLoss(1, 1.0, 1);
        validation.addLoss(2, 1.0, 1);
        LinearState first = algorithm.endEpoch(s, validation);
        LinearState second = algorithm.endEpoch(driver.trainEpoch(SCHEMA, first, SPLITS), validation);
        for (int m = 0; m < 3; m++) assertTrue(second.isFrozen(m), "no validation improvement freezes model " + m);
    }

    @Test
    void theRuntimeHooksReadValidationScoresReportEpochsAndSayWhenTrainingIsOver() {
        LinearLearner algorithm = learner("predictor_type", "binary_classifier", "mini_batch_size", 100, "epochs", 3,
                "num_models", 3, "early_stopping_patience", 1);
        LinearLearnerDriver driver = new LinearLearnerDriver(algorithm, 1, 10, false);
        LinearState scaled = driver.scalerPass(SCHEMA, SPLITS);
        assertTrue(algorithm.epochMetrics(scaled, Optional.empty()).isEmpty(), "the scaler pass reports nothing");
        assertFalse(algorithm.converged(scaled));

        LinearState trained = driver.trainEpoch(SCHEMA, scaled, SPLITS);
        PackedEvaluator evaluator = algorithm.packedEvaluator(trained);
        for (Batch batch : DATA.batches(100, false)) evaluator.add(batch);
        PackedScores validation = evaluator.result();
        SelectionScores decoded = algorithm.selectionScoresCodec().decode(
                algorithm.selectionScoresCodec().encode(validation));
        LinearState first = algorithm.endEpoch(trained, decoded);
        assertArrayEquals(algorithm.stateCodec().encode(algorithm.endEpoch(trained, validation)),
                algorithm.stateCodec().encode(first), "the persisted scores end the epoch as the computed ones");
        Map<String, Double> report = algorithm.epochMetrics(first, Optional.of(decoded));
        double bestValidation = Double.POSITIVE_INFINITY;
        for (int m = 0; m < 3; m++) bestValidation = Math.min(bestValidation, validation.meanLoss(m));
        assertEquals(bestValidation, report.get("validation_loss"), 1e-12);
        assertTrue(report.get("train_loss") > 0 && report.get("train_loss") < 0.69, report.toString());
        assertEquals(3.0, report.get("models_training"));
        assertFalse(algorithm.converged(first), "models still training");

        // the same validation scores again: no model improves, patience 1 freezes all, training is over
        LinearState second = algorithm.endEpoch(driver.trainEpoch(SCHEMA, first, SPLITS), validation);
        assertTrue(algorithm.converged(second));
        Map<String, Double> last = algorithm.epochMetrics(second, Optional.of(validation));
        assertEquals(0.0, last.get("models_training"));
        assertEquals(3.0, last.get("models_stopped_early"));
    }

    @Test
    void scoresOfAnotherConfigurationAreRefused() {
        LinearLearner three = learner("predictor_type", "binary_classifier", "num_models", 3);
        LinearLearner four = learner("predictor_type", "binary_classifier", "num_models", 4);
        byte[] bytes = three.selectionScoresCodec().encode(new PackedScores(3, LinearConfig.HISTOGRAM_BINS));
        CodecException e = assertThrows(CodecException.class, () -> four.selectionScoresCodec().decode(bytes));
        assertTrue(e.getMessage().contains("3 models"), e.getMessage());
    }
}
