package io.statewise.algorithms.laws;

import io.statewise.algorithms.kmeans.KMeansModel;
import io.statewise.algorithms.kmeans.KMeansProvider;
import io.statewise.algorithms.kmeans.KMeansState;
import java.util.List;
import java.util.Map;

/** Every algorithm configuration the state laws run against. A new algorithm adds its fixtures to {@link #all()}. */
public final class LawFixtures {

    private LawFixtures() {}

    /** The registered fixtures. */
    public static List<LawFixture<?, ?>> all() {
        return List.of(kmeans());
    }

    /**
     * Streaming k-means on overlapping blobs (40 batches of 500 records; noise 4 around centers in [-10, 10]^6).
     * Overlap matters: on well-separated blobs every summary finalizes to the exact cluster means and the tolerance
     * is never exercised, here merge trees move the msd by about 0.3%. Its merge reduces the union of centers, so it
     * is approximate: models of any partition and merge tree must be within 2% in mean squared distance, and in
     * total weight and first moment (which a reduction preserves, so this only catches lost or doubled data); its
     * merge sorts the union first, so it is bitwise commutative.
     */
    static LawFixture<KMeansState, KMeansModel> kmeans() {
        return new LawFixture<>("kmeans k=5 d=6", new KMeansProvider(), Map.of("k", 5, "mini_batch_size", 500),
                BatchSources.denseBlobs(5, 6, 4.0, 500, 40, 17),
                Tolerance.approximate(0.02, Equivalence.<KMeansState, KMeansModel>evaluatorMetric("msd")
                        .and(Equivalence.stateValues(LawFixtures::weightAndFirstMoment))),
                LawFixture.Commutativity.BITWISE);
    }

    /** Total weight and weighted sum of the centers: a k-means state's count and sum of the records. */
    private static double[] weightAndFirstMoment(KMeansState state) {
        double[] out = new double[1 + state.dimension()];
        for (int j = 0; j < state.filled(); j++) {
            double w = state.weight(j);
            out[0] += w;
            double[] c = state.center(j);
            for (int t = 0; t < c.length; t++) out[1 + t] += w * c[t];
        }
        return out;
    }
}
