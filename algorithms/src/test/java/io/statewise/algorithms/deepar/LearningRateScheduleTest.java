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
        LearningRateSchedule s = new LearningRateSchedule(0.001, 0.5, 3, 1e-4);
        int decays = 0;
        int[] expected = {0, 0, 1, 1, 1, 2, 2};
        for (int without = 1; without <= expected.length; without++) {
            decays = s.decaysAfterEpoch(decays, without);
            assertEquals(expected[without - 1], decays, "after " + without + " epochs without improvement");
        }
        assertEquals(2, s.decaysAfterEpoch(2, 0), "an improvement adds no decay and undoes none");
        assertEquals(0.001, s.rate(0), TOLERANCE);
        assertEquals(0.0005, s.rate(1), TOLERANCE);
        assertEquals(0.00025, s.rate(2), TOLERANCE);
        assertEquals(1e-4, s.rate(10), TOLERANCE, "never below the minimum");
    }

    @Test
    void patienceZeroOrFactorOneKeepTheRate() {
        assertEquals(0, new LearningRateSchedule(0.01, 0.5, 0, 1e-5).decaysAfterEpoch(0, 7));
        assertEquals(0.01, new LearningRateSchedule(0.01, 1, 2, 1e-5).rate(5), TOLERANCE);
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
