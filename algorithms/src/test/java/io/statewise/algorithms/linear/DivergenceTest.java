package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Models whose loss blows up are dropped; the others train on; if all blow up, finalize says so. */
class DivergenceTest {

    private static final LinearTesting.Data DATA =
            LinearTesting.regression(2000, new double[] {1, -1, 2, 0.5, -2, 1}, 0, 0.1, 91);

    @Test
    void aHugeLearningRateDropsSomeModelsAndTheOthersContinue() {
        // plain SGD on standardized features diverges for learning rates beyond about 2 / (largest eigenvalue)
        LinearLearner algorithm = learner("predictor_type", "regressor", "optimizer", "sgd", "learning_rate", 1.0,
                "use_lr_scheduler", false, "mini_batch_size", 50, "epochs", 4, "num_models", 16);
        LinearState s = new LinearLearnerDriver(algorithm, 2, 4, true).train(DATA.schema(false),
                DATA.splits(2, 50, false));
        int diverged = 0;
        for (int m = 0; m < 16; m++) {
            if (s.isDiverged(m)) {
                diverged++;
                assertTrue(algorithm.settings()[m].learningRate() > 1, "model " + m + " diverged");
            }
        }
        assertTrue(diverged >= 3 && diverged <= 12, diverged + " diverged");
        for (int j = 0; j <= 6; j++) {
            for (int k = 0; k < 16; k++) assertTrue(Double.isFinite(s.parameter(j, k)));
        }
        LinearModel model = algorithm.finalize(s);
        assertFalse(s.isDiverged(model.selectedModel()));
        assertEquals(diverged, model.divergedModels().length);
        for (int m : model.divergedModels()) assertTrue(Double.isNaN(model.modelLosses()[m]));
        assertEquals(2, model.weights()[0][2], 0.05);
        LinearModel decoded = algorithm.modelCodec().decode(algorithm.modelCodec().encode(model));
        assertEquals(model, decoded);
    }

    @Test
    void whenEveryModelDivergesFinalizeExplains() {
        LinearLearner algorithm = learner("predictor_type", "regressor", "optimizer", "sgd", "learning_rate", 1e4,
                "use_lr_scheduler", false, "mini_batch_size", 50, "epochs", 2, "num_models", 4);
        LinearState s = LinearLearnerDriver.of(algorithm).train(DATA.schema(false), List.of(DATA.batches(50, false)));
        for (int m = 0; m < 4; m++) assertTrue(s.isDiverged(m));
        String message = assertThrows(IllegalStateException.class, () -> algorithm.finalize(s)).getMessage();
        assertTrue(message.contains("all 4 packed models diverged") && message.contains("learning_rate"), message);
    }
}
