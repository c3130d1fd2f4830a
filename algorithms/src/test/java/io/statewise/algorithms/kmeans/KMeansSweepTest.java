package io.statewise.algorithms.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.synthetic.GaussianBlobs;
import io.statewise.algorithms.tuning.TuneRequest;
import io.statewise.algorithms.tuning.TuneRequestException;
import io.statewise.algorithms.tuning.TuneResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tuning k from one state, on blobs with a known number of clusters. */
class KMeansSweepTest {

    private static final int TRUE_K = 5;
    private static final int DIMENSION = 4;

    private KMeans kmeans;
    private KMeansState state;
    private GaussianBlobs blobs;

    @BeforeEach
    void train() {
        blobs = new GaussianBlobs(TRUE_K, DIMENSION, 0.5, 3L);
        kmeans = (KMeans) KMeansTesting.kmeans("k", 10, "mini_batch_size", 500, "seed", 1);
        state = kmeans.init(new io.statewise.algorithms.data.DataSchema(DIMENSION, true));
        DenseBatch batch = new DenseBatch(500, DIMENSION);
        for (int i = 0; i < 40; i++) {
            blobs.fill(batch);
            kmeans.update(state, batch);
        }
    }

    private static TuneRequest ks(int from, int to, String select) {
        List<String> values = new ArrayList<>();
        for (int k = from; k <= to; k++) values.add(Integer.toString(k));
        return new TuneRequest("k", values, Optional.ofNullable(select), OptionalDouble.empty());
    }

    private TuneResult sweepOnValidation(TuneRequest request) {
        var sweep = kmeans.sweep(state, request);
        DenseBatch batch = new DenseBatch(1000, DIMENSION);
        for (int i = 0; i < 3; i++) {
            blobs.fill(batch);
            sweep.add(batch);
        }
        return sweep.result();
    }

    @Test
    void theElbowOfValidationMsdIsTheTrueK() {
        TuneResult result = sweepOnValidation(ks(2, 12, null));
        assertEquals(11, result.rows().size());
        assertEquals(Integer.toString(TRUE_K), result.chosenValue());
        assertEquals("elbow of validation_msd", result.selectedBy());
        assertEquals(TRUE_K, ((KMeansModel) result.model()).k());
        double previous = Double.POSITIVE_INFINITY;
        for (var row : result.rows()) {
            double msd = row.scores().get("validation_msd");
            assertTrue(msd <= previous * 1.05, "MSD falls (nearly) monotonically with k: " + row);
            previous = msd;
        }
    }

    @Test
    void theHighestSilhouetteIsTheTrueK() {
        TuneResult result = sweepOnValidation(ks(2, 12, "silhouette"));
        assertEquals(Integer.toString(TRUE_K), result.chosenValue());
        assertEquals("highest validation_silhouette", result.selectedBy());
    }

    @Test
    void withoutValidationDataTheStateItselfIsScored() {
        TuneResult result = kmeans.sweep(state, ks(2, 12, null)).result();
        assertEquals(Integer.toString(TRUE_K), result.chosenValue());
        assertFalse(result.rows().get(0).scores().containsKey("validation_msd"));
        assertTrue(result.rows().get(0).scores().get("state_msd") > 0);
    }

    @Test
    void eachCandidateIsTheFinalizeOfTheStateWithItsK() {
        TuneResult result = kmeans.sweep(state, ks(7, 7, null)).result();
        assertEquals(kmeans.finalize(state, kmeans.hyperParameters().with(Map.of("k", 7))), result.model());
        assertEquals(result.rows().get(0).scores(), result.metrics());
    }

    @Test
    void badRequestsNameTheFieldAtFault() {
        assertField("values", new TuneRequest("k", List.of(), Optional.empty(), OptionalDouble.empty()));
        assertField("values", new TuneRequest("k", List.of("two"), Optional.empty(), OptionalDouble.empty()));
        assertField("values", new TuneRequest("k", List.of("0"), Optional.empty(), OptionalDouble.empty()));
        assertField("values", ks(2, state.weightedCenters() + 1, null));
        assertField("parameter", new TuneRequest("num_components", List.of("2"), Optional.empty(),
                OptionalDouble.empty()));
        assertField("parameter", new TuneRequest("mini_batch_size", List.of("2"), Optional.empty(),
                OptionalDouble.empty()));
        assertField("select", ks(2, 4, "gap"));
        assertField("target", new TuneRequest("k", List.of("2"), Optional.empty(), OptionalDouble.of(0.5)));
        var onlyOne = kmeans.sweep(state, ks(1, 1, "silhouette"));
        assertThrows(TuneRequestException.class, onlyOne::result);
    }

    private void assertField(String field, TuneRequest request) {
        TuneRequestException e = assertThrows(TuneRequestException.class, () -> kmeans.sweep(state, request));
        assertEquals(field, e.field(), e.getMessage());
    }
}
