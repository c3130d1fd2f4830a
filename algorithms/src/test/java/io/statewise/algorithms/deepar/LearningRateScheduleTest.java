package io.statewise.algorithms.deepar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statewise.algorithms.InvalidHyperParameterException;
import org.junit.jupiter.api.Test;

/** The learning rate decays by its factor every {@code patience} epochs without improvement, down to its floor. */
class LearningRateScheduleTest {

    private static final double TOLERANCE = 1e-15;

    @Test
    void halvesEveryPatienceEpochsWithoutImprovementDownToTheMinimum() {
        LearningRateSchedule s = new LearningRateSchedule(0.001, 0.5, 3, 0, 1e-4);
        int decays = 0;
        int[] expected = {0, 0, 1, 1, 1, 2, 2};
        for (int without = 1; without <= expected.length; without++) {
            decays = s.decaysAfterEpoch(decays, without, without + 1);
            assertEquals(expected[without - 1], decays, "after " + without + " epochs without improvement");
        }
        assertEquals(2, s.decaysAfterEpoch(2, 0, 9), "an improvement adds no decay and undoes none");
        assertEquals(0.001, s.rate(0), TOLERANCE);
        assertEquals(0.0005, s.rate(1), TOLERANCE);
        assertEquals(0.00025, s.rate(2), TOLERANCE);
        assertEquals(1e-4, s.rate(10), TOLERANCE, "never below the minimum");
    }

    @Test
    void noDecayBeforeTheWarmupEnds() {
        LearningRateSchedule s = new LearningRateSchedule(0.001, 0.5, 3, 10, 1e-4);
        int decays = 0;
        // the first epoch is the best, then none improves: the count reaches 3, 6 and 9 within the warm-up
        for (int epoch = 2; epoch <= 10; epoch++) {
            decays = s.decaysAfterEpoch(decays, epoch - 1, epoch);
            assertEquals(0, decays, "epoch " + epoch + " is within the warm-up");
        }
        assertEquals(0, s.decaysAfterEpoch(0, 10, 11), "after the warm-up, a count that is no multiple waits");
        assertEquals(1, s.decaysAfterEpoch(0, 12, 13), "the next multiple of the patience decays");
        assertEquals(1, s.decaysAfterEpoch(0, 3, 11), "three epochs without improvement just after the warm-up");
    }

    @Test
    void theWarmupDefaultsToTenEpochs() {
        DeepAr deepar = DeepArTesting.deepar(DeepArTesting.small());
        assertEquals(10, deepar.config().learningRateDecayWarmupEpochs());
        assertThrows(InvalidHyperParameterException.class,
                () -> DeepArTesting.deepar(DeepArTesting.small("learning_rate_decay_warmup_epochs", -1)));
    }

    @Test
    void patienceZeroOrFactorOneKeepTheRate() {
        assertEquals(0, new LearningRateSchedule(0.01, 0.5, 0, 0, 1e-5).decaysAfterEpoch(0, 7, 20));
        assertEquals(0.01, new LearningRateSchedule(0.01, 1, 2, 0, 1e-5).rate(5), TOLERANCE);
    }

    @Test
    void aMinimumAboveTheRateDoesNotRaiseIt() {
        DeepAr deepar = DeepArTesting.deepar(DeepArTesting.small("learning_rate", 1e-5));
        assertEquals(1e-5, deepar.config().learningRateSchedule().rate(0), TOLERANCE);
        assertEquals(1e-5, deepar.config().learningRateSchedule().rate(3), TOLERANCE);
    }

    @Test
    void rejectsAFactorOfZero() {
        assertThrows(InvalidHyperParameterException.class,
                () -> DeepArTesting.deepar(DeepArTesting.small("learning_rate_decay_factor", 0.0)));
    }
}
