package io.statewise.algorithms.kmeans;

import static io.statewise.algorithms.kmeans.KMeansTesting.kmeans;
import static io.statewise.algorithms.kmeans.KMeansTesting.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Algorithms;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.TrainingSchedule;
import io.statewise.algorithms.data.DataSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KMeansHyperParametersTest {

    private static InvalidHyperParameterException invalid(Object... nameValues) {
        return assertThrows(InvalidHyperParameterException.class, () -> params(nameValues));
    }

    @Test
    void kIsRequiredAndPositive() {
        assertEquals("k", invalid().parameter());
        assertEquals("k", invalid("k", 0).parameter());
        assertEquals("k", invalid("k", -3).parameter());
    }

    @Test
    void wrongTypesAreRejectedWithTheParameterName() {
        assertEquals("k", invalid("k", "ten").parameter());
        assertEquals("k", invalid("k", 2.5).parameter());
        assertEquals("mini_batch_size", invalid("k", 3, "mini_batch_size", "big").parameter());
        assertEquals("local_lloyd_tol", invalid("k", 3, "local_lloyd_tol", "x").parameter());
        assertEquals("local_lloyd_tol", invalid("k", 3, "local_lloyd_tol", 2).parameter());
        assertEquals("init_method", invalid("k", 3, "init_method", "farthest").parameter());
        assertEquals("eval_metrics", invalid("k", 3, "eval_metrics", "msd,auc").parameter());
        assertEquals("extra_center_factor", invalid("k", 3, "extra_center_factor", "many").parameter());
        assertEquals("half_life_time_size", invalid("k", 3, "half_life_time_size", -1).parameter());
        assertEquals("epochs", invalid("k", 3, "epochs", 0).parameter());
    }

    @Test
    void unknownParameterIsRejected() {
        InvalidHyperParameterException e = invalid("k", 3, "feature_dim", 7);
        assertEquals("feature_dim", e.parameter());
        assertTrue(e.getMessage().contains("extra_center_factor"), e.getMessage());
    }

    @Test
    void defaultsFollowSageMaker() {
        KMeansConfig c = KMeansConfig.from(params("k", "10"));
        assertEquals(10, c.k());
        assertEquals(KMeansConfig.InitMethod.RANDOM, c.initMethod());
        assertEquals(5000, c.miniBatchSize());
        assertEquals(1, c.epochs());
        assertEquals(0, c.halfLifeTimeSize());
        assertEquals(300, c.localLloydMaxIter());
        assertEquals(1e-4, c.localLloydTol());
        assertEquals(10, c.localLloydNumTrials());
        assertEquals(KMeansConfig.InitMethod.KMEANS_PLUS_PLUS, c.localLloydInitMethod());
        assertEquals(List.of(KMeansConfig.EvalMetric.MSD), c.evalMetrics());
        assertEquals(0, c.seed());
        assertEquals(1.0, c.decay(5000));
    }

    @Test
    void autoValuesAreResolved() {
        assertEquals(10, KMeansConfig.from(params("k", 1)).extraCenterFactor());
        assertEquals(10, KMeansConfig.from(params("k", 10)).extraCenterFactor());
        assertEquals(100, KMeansConfig.from(params("k", 10)).stateCenters());
        assertEquals(4, KMeansConfig.from(params("k", 30)).extraCenterFactor());
        assertEquals(2, KMeansConfig.from(params("k", 100)).extraCenterFactor());
        assertEquals(2, KMeansConfig.from(params("k", 5000)).extraCenterFactor());
        assertEquals(3, KMeansConfig.from(params("k", 30, "extra_center_factor", "3")).extraCenterFactor());
        assertEquals(10, KMeansConfig.from(params("k", 3, "local_lloyd_num_trials", "AUTO")).localLloydNumTrials());
        assertEquals(4, KMeansConfig.from(params("k", 3, "local_lloyd_num_trials", 4)).localLloydNumTrials());
    }

    @Test
    void explicitValuesAreParsed() {
        KMeansConfig c = KMeansConfig.from(params("k", "4", "init_method", "KMeans++", "mini_batch_size", "100",
                "epochs", 3, "half_life_time_size", 1000, "local_lloyd_init_method", "random",
                "eval_metrics", List.of("ssd", "msd"), "seed", -5));
        assertEquals(KMeansConfig.InitMethod.KMEANS_PLUS_PLUS, c.initMethod());
        assertEquals(KMeansConfig.InitMethod.RANDOM, c.localLloydInitMethod());
        assertEquals(List.of(KMeansConfig.EvalMetric.SSD, KMeansConfig.EvalMetric.MSD), c.evalMetrics());
        assertEquals(-5, c.seed());
        assertEquals(0.5, c.decay(1000), 1e-15);
        assertEquals(0.25, c.decay(2000), 1e-15);
    }

    @Test
    void configValidatesInItsConstructor() {
        InvalidHyperParameterException e = assertThrows(InvalidHyperParameterException.class,
                () -> new KMeansConfig(2, 0, KMeansConfig.InitMethod.RANDOM, 10, 1, 0, 10, 1e-4, 1,
                        KMeansConfig.InitMethod.RANDOM, List.of(), 0));
        assertEquals("extra_center_factor", e.parameter());
        e = assertThrows(InvalidHyperParameterException.class,
                () -> new KMeansConfig(1 << 20, 1 << 20, KMeansConfig.InitMethod.RANDOM, 10, 1, 0, 10, 1e-4, 1,
                        KMeansConfig.InitMethod.RANDOM, List.of(), 0));
        assertEquals("extra_center_factor", e.parameter());
    }

    @Test
    void scheduleSyncAndRegistry() {
        var algorithm = kmeans("k", 5, "epochs", 2, "mini_batch_size", 64);
        assertEquals(new TrainingSchedule(2, 64), algorithm.schedule());
        assertInstanceOf(SyncPolicy.AtEnd.class, algorithm.syncPolicy());
        assertEquals("kmeans", algorithm.name());
        assertTrue(Algorithms.names().contains("kmeans"));
        var created = Algorithms.provider("kmeans").create(Map.of("k", 5));
        assertInstanceOf(KMeans.class, created);
        KMeansState state = ((KMeans) created).init(new DataSchema(7, false));
        assertEquals(5 * 10, state.capacity());
        assertEquals(7, state.dimension());
    }
}
