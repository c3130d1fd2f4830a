package io.statewise.algorithms.pca;

import static io.statewise.algorithms.pca.PcaTesting.onePass;
import static io.statewise.algorithms.pca.PcaTesting.pca;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statewise.algorithms.tuning.TuneRequest;
import io.statewise.algorithms.tuning.TuneRequestException;
import io.statewise.algorithms.tuning.TuneResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Tuning num_components from one state: explained variance per count, the fewest reaching a target. */
class PcaSweepTest {

    private static final double TOLERANCE = 1e-9;
    /** Three directions of variance 25, 16 and 9 (ratios about 0.5, 0.32, 0.18) over little noise. */
    private static final float[][] ROWS = PcaTesting.lowRankPlusNoise(4_000, 12, new double[] {5, 4, 3}, 0.05, 9);

    private final Pca regular = (Pca) pca("num_components", 2);
    private final PcaState state = onePass(regular, ROWS, 7);

    private static TuneRequest counts(OptionalDouble target, String... values) {
        return new TuneRequest("num_components", List.of(values), Optional.empty(), target);
    }

    @Test
    void theFewestComponentsReachingTheTargetAreChosen() {
        TuneResult result = regular.sweep(state, counts(OptionalDouble.empty(), "1", "2", "3", "4", "6")).result();
        assertFalse(regular.sweep(state, counts(OptionalDouble.empty(), "1")).readsData());
        assertEquals("3", result.chosenValue(), "three directions hold the variance; 0.9 needs all three");
        assertEquals(3, ((PcaModel) result.model()).numComponents());
        assertEquals("1", regular.sweep(state, counts(OptionalDouble.of(0.45), "1", "2", "3")).result()
                .chosenValue());
        assertEquals("2", regular.sweep(state, counts(OptionalDouble.of(0.8), "3", "2", "1")).result()
                .chosenValue(), "the order of the values does not matter");
    }

    @Test
    void theTableIsWhatEachCountFinalizesTo() {
        TuneResult result = regular.sweep(state, counts(OptionalDouble.empty(), "1", "2", "5")).result();
        for (var row : result.rows()) {
            int k = Integer.parseInt(row.value());
            PcaModel own = regular.finalize(state, regular.hyperParameters().with(Map.of("num_components", k)));
            double sum = 0;
            for (double r : own.explainedVarianceRatio()) sum += r;
            assertEquals(sum, row.scores().get("explained_variance_ratio"), TOLERANCE);
            assertEquals(own.explainedVariance()[k - 1], row.scores().get("last_component_variance"), TOLERANCE);
        }
    }

    @Test
    void aTargetNoCountReachesTakesTheMost() {
        TuneResult result = regular.sweep(state, counts(OptionalDouble.of(1.0), "1", "2")).result();
        assertEquals("2", result.chosenValue());
        assertEquals("most components: none reaches explained_variance_ratio 1.0", result.selectedBy());
    }

    @Test
    void badRequestsNameTheFieldAtFault() {
        assertField("values", counts(OptionalDouble.empty(), "13"));
        assertField("values", counts(OptionalDouble.empty(), "2.5"));
        assertField("target", counts(OptionalDouble.of(1.5), "2"));
        assertField("select", new TuneRequest("num_components", List.of("2"), Optional.of("elbow"),
                OptionalDouble.empty()));
        assertField("parameter", new TuneRequest("algorithm_mode", List.of("sketch"), Optional.empty(),
                OptionalDouble.empty()));
    }

    private void assertField(String field, TuneRequest request) {
        TuneRequestException e = assertThrows(TuneRequestException.class, () -> regular.sweep(state, request));
        assertEquals(field, e.field(), e.getMessage());
    }
}
