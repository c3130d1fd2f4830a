package io.statewise.algorithms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    private static Objective of(String algorithm, String metric) {
        return Objective.of(algorithm, Optional.empty(), Optional.of(metric), Optional.empty());
    }

    @Test
    void theMetricsTheAlgorithmsReportHaveAKnownGoal() {
        // validation_loss: DeepAR, linear learner and NTM; mean_wql and smape: DeepAR's forecast errors.
        assertEquals(Objective.Goal.MINIMIZE, of("deepar", "validation_loss").goal());
        assertEquals(Objective.Goal.MINIMIZE, of("deepar", "test_mean_wql").goal());
        assertEquals(Objective.Goal.MINIMIZE, of("deepar", "test_smape").goal());
        assertEquals(Objective.Goal.MAXIMIZE, of("linear-learner", "validation_auc").goal());
    }

    @Test
    void aMetricWithoutADirectionNeedsAGoal() {
        // An interval's coverage is best at its nominal level, neither higher nor lower.
        assertEquals("objective.goal", assertThrows(SearchException.class,
                () -> of("deepar", "test_coverage")).field().orElseThrow());
        assertEquals(Objective.Goal.MAXIMIZE, Objective.of("deepar", Optional.empty(), Optional.of("test_coverage"),
                Optional.of("maximize")).goal());
    }
}
