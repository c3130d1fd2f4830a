package io.statewise.algorithms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statewise.algorithms.Algorithms;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    private static Objective of(String algorithm, String metric) {
        return Objective.of(Algorithms.provider(algorithm), Map.of(), Optional.of(metric), Optional.empty());
    }

    /** The objective of a request that names no metric. */
    private static Objective byDefault(String algorithm, Map<String, String> hyperParameters) {
        return Objective.of(Algorithms.provider(algorithm), hyperParameters, Optional.empty(), Optional.empty());
    }

    @Test
    void theMetricsTheAlgorithmsReportHaveAKnownGoal() {
        // validation_loss: DeepAR, linear learner and NTM; mean_wql and smape: DeepAR's forecast errors.
        assertEquals(Objective.Goal.MINIMIZE, of("deepar", "validation_loss").goal());
        assertEquals(Objective.Goal.MINIMIZE, of("deepar", "test_mean_wql").goal());
        assertEquals(Objective.Goal.MINIMIZE, of("deepar", "test_smape").goal());
        assertEquals(Objective.Goal.MAXIMIZE, of("linear-learner", "validation_auc").goal());
        assertThrows(SearchException.class, () -> of("kmeans", "validation_odd"));
    }

    @Test
    void aMetricWithoutADirectionNeedsAGoal() {
        // An interval's coverage is best at its nominal level, neither higher nor lower.
        assertEquals("objective.goal", assertThrows(SearchException.class,
                () -> of("deepar", "test_coverage")).field().orElseThrow());
        assertEquals(Objective.Goal.MAXIMIZE, Objective.of(Algorithms.provider("deepar"), Map.of(),
                Optional.of("test_coverage"), Optional.of("maximize")).goal());
    }

    @Test
    void withoutAMetricTheAlgorithmsValidationLossIsMinimized() {
        assertEquals(new Objective("validation_mse", Objective.Goal.MINIMIZE),
                byDefault("linear-learner", Map.of("predictor_type", "regressor")));
        assertEquals(new Objective("validation_log_loss", Objective.Goal.MINIMIZE),
                byDefault("linear-learner", Map.of("predictor_type", "binary_classifier")));
        assertEquals(new Objective("validation_cross_entropy", Objective.Goal.MINIMIZE),
                byDefault("linear-learner", Map.of("predictor_type", "multiclass_classifier")));
        assertEquals(new Objective("validation_total_loss", Objective.Goal.MINIMIZE), byDefault("ntm", Map.of()));
    }

    @Test
    void withoutAMetricOrADefaultTheRequestMustNameOne() {
        // A linear learner whose predictor type is searched, and algorithms with no one validation loss.
        for (String algorithm : new String[] {"linear-learner", "kmeans", "deepar"}) {
            SearchException e = assertThrows(SearchException.class, () -> byDefault(algorithm, Map.of()));
            assertEquals("objective.metric", e.field().orElseThrow());
            assertEquals("name the metric to optimize: " + algorithm + " has no default objective", e.getMessage());
        }
    }
}
