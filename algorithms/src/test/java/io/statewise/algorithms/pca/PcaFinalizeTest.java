package io.statewise.algorithms.pca;

import static io.statewise.algorithms.pca.PcaTesting.onePass;
import static io.statewise.algorithms.pca.PcaTesting.params;
import static io.statewise.algorithms.pca.PcaTesting.pca;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.data.DataSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finalize is repeatable, leaves the state alone, and serves any number of components up to the capacity. */
class PcaFinalizeTest {

    private static final float[][] ROWS = PcaTesting.lowRankPlusNoise(600, 12, PcaTesting.geometric(12, 5, 0.75),
            0.01, 5);

    @Test
    void oneStateFinalizesToSeveralNumbersOfComponents() {
        for (String mode : new String[] {"regular", "randomized", "sketch"}) {
            ElasticAlgorithm<PcaState, PcaModel> algorithm = pca("num_components", 4, "algorithm_mode", mode,
                    "extra_components", 4);
            PcaState state = onePass(algorithm, ROWS, 3);
            PcaModel four = algorithm.finalize(state);
            assertEquals(4, four.numComponents());
            for (int k : new int[] {1, 2, 6, 8}) {
                PcaModel model = algorithm.finalize(state,
                        algorithm.hyperParameters().with(Map.of("num_components", k)));
                assertEquals(k, model.numComponents(), mode);
                assertEquals(12, model.featureDimension());
                int shared = Math.min(k, 4);
                for (int i = 0; i < shared; i++) {
                    assertArrayEquals(four.components()[i], model.components()[i], 1e-5f, mode + " " + i);
                }
                assertOrthonormal(model.components());
            }
        }
    }

    private static void assertOrthonormal(float[][] v) {
        for (int a = 0; a < v.length; a++) {
            for (int b = a; b < v.length; b++) {
                double dot = 0;
                for (int j = 0; j < v[a].length; j++) dot += (double) v[a][j] * v[b][j];
                assertEquals(a == b ? 1 : 0, dot, 1e-5, a + "." + b);
            }
        }
    }

    @Test
    void finalizingTwiceGivesIdenticalModelsAndLeavesTheStateUnchanged() {
        for (String mode : new String[] {"regular", "randomized", "sketch"}) {
            ElasticAlgorithm<PcaState, PcaModel> algorithm = pca("num_components", 3, "algorithm_mode", mode);
            PcaState state = onePass(algorithm, ROWS, 3);
            byte[] before = algorithm.stateCodec().encode(state);
            PcaModel first = algorithm.finalize(state);
            PcaModel second = algorithm.finalize(state);
            assertEquals(first, second);
            assertEquals(first.hashCode(), second.hashCode());
            assertArrayEquals(before, algorithm.stateCodec().encode(state));
        }
    }

    @Test
    void moreComponentsThanTheStateHoldsAreRefusedNamingTheCapacity() {
        ElasticAlgorithm<PcaState, PcaModel> sketch = pca("num_components", 2, "algorithm_mode", "sketch");
        PcaState state = onePass(sketch, ROWS, 1);
        assertEquals(4, state.capacity());
        InvalidHyperParameterException e = assertThrows(InvalidHyperParameterException.class,
                () -> sketch.finalize(state, sketch.hyperParameters().with(Map.of("num_components", 5))));
        assertEquals("num_components", e.parameter());
        assertTrue(e.getMessage().contains("at most 4"), e.getMessage());

        ElasticAlgorithm<PcaState, PcaModel> randomized = pca("num_components", 2, "algorithm_mode", "randomized");
        PcaState r = onePass(randomized, ROWS, 1);
        assertEquals(12, r.capacity()); // m = 2 + max(10, 2) = 12 rows, and d = 12
        e = assertThrows(InvalidHyperParameterException.class,
                () -> randomized.finalize(r, randomized.hyperParameters().with(Map.of("num_components", 13))));
        assertTrue(e.getMessage().contains("at most 12"), e.getMessage());

        ElasticAlgorithm<PcaState, PcaModel> regular = pca("num_components", 2);
        e = assertThrows(InvalidHyperParameterException.class, () -> regular.finalize(onePass(regular, ROWS, 1),
                regular.hyperParameters().with(Map.of("num_components", 13))));
        assertTrue(e.getMessage().contains("at most 12"), e.getMessage());
    }

    @Test
    void finalizeRefusesAnotherMode() {
        ElasticAlgorithm<PcaState, PcaModel> regular = pca("num_components", 2);
        PcaState state = onePass(regular, ROWS, 1);
        InvalidHyperParameterException e = assertThrows(InvalidHyperParameterException.class,
                () -> regular.finalize(state, params("num_components", 2, "algorithm_mode", "sketch")));
        assertEquals("algorithm_mode", e.parameter());
    }

    @Test
    void moreComponentsThanFeaturesAreRefusedAtInit() {
        for (String mode : new String[] {"regular", "randomized", "sketch"}) {
            ElasticAlgorithm<PcaState, PcaModel> algorithm = pca("num_components", 13, "algorithm_mode", mode);
            InvalidHyperParameterException e = assertThrows(InvalidHyperParameterException.class,
                    () -> algorithm.init(new DataSchema(12, false)));
            assertEquals("num_components", e.parameter());
            assertTrue(e.getMessage().contains("12 features"), e.getMessage());
        }
    }

    @Test
    void regularModeRefusesADimensionItCannotHoldAndSuggestsSketch() {
        ElasticAlgorithm<PcaState, PcaModel> regular = pca("num_components", 10);
        InvalidHyperParameterException e = assertThrows(InvalidHyperParameterException.class,
                () -> regular.init(new DataSchema(1_000_000, false)));
        assertEquals("algorithm_mode", e.parameter());
        assertTrue(e.getMessage().contains("algorithm_mode=sketch"), e.getMessage());
        assertTrue(e.getMessage().contains("d = 1000000"), e.getMessage());
    }

    @Test
    void anEmptyStateFinalizesToAValidModelWithoutVariance() {
        for (String mode : new String[] {"regular", "randomized", "sketch"}) {
            ElasticAlgorithm<PcaState, PcaModel> algorithm = pca("num_components", 2, "algorithm_mode", mode);
            PcaModel model = algorithm.finalize(algorithm.init(new DataSchema(5, false)));
            assertArrayEquals(new double[2], model.explainedVariance());
            assertArrayEquals(new float[5], model.mean());
            assertOrthonormal(model.components());
        }
    }
}
