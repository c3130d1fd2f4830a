package io.statewise.algorithms.pca;

import static io.statewise.algorithms.pca.PcaTesting.pca;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Algorithms;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.SyncPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SageMaker's hyperparameter names, defaults and auto rules; the registry lists {@code pca}. */
class PcaProviderTest {

    @Test
    void theRegistryListsPca() {
        assertTrue(Algorithms.names().contains("pca"));
        assertInstanceOf(PcaProvider.class, Algorithms.provider("pca"));
    }

    @Test
    void defaultsAndAutoRulesFollowSageMaker() {
        Pca regular = (Pca) pca("num_components", 4);
        assertEquals(PcaMode.REGULAR, regular.config().mode());
        assertTrue(regular.config().subtractMean());
        assertEquals(1, regular.schedule().epochs());
        assertEquals(1000, regular.schedule().miniBatchSize());
        assertInstanceOf(SyncPolicy.AtEnd.class, regular.syncPolicy());
        assertEquals(10, ((Pca) pca("num_components", 4, "algorithm_mode", "randomized")).config().extraComponents());
        assertEquals(25, ((Pca) pca("num_components", 25, "algorithm_mode", "randomized")).config()
                .extraComponents());
        assertEquals(10, ((Pca) pca("num_components", 4, "algorithm_mode", "randomized", "extra_components", -1))
                .config().extraComponents());
        assertEquals(4, ((Pca) pca("num_components", 4, "algorithm_mode", "sketch")).config().extraComponents());
        assertEquals(0, ((Pca) pca("num_components", 4, "algorithm_mode", "sketch", "extra_components", "0"))
                .config().extraComponents());
    }

    @Test
    void invalidValuesNameTheirParameter() {
        assertEquals("num_components", assertThrows(InvalidHyperParameterException.class,
                () -> new PcaProvider().create(Map.of())).parameter());
        assertEquals("num_components", assertThrows(InvalidHyperParameterException.class,
                () -> pca("num_components", 0)).parameter());
        assertEquals("algorithm_mode", assertThrows(InvalidHyperParameterException.class,
                () -> pca("num_components", 2, "algorithm_mode", "exact")).parameter());
        assertEquals("extra_components", assertThrows(InvalidHyperParameterException.class,
                () -> pca("num_components", 2, "extra_components", -2)).parameter());
        assertEquals("subtract_mean", assertThrows(InvalidHyperParameterException.class,
                () -> pca("num_components", 2, "subtract_mean", "maybe")).parameter());
    }
}
