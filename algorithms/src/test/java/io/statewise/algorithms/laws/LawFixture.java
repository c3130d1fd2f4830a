package io.statewise.algorithms.laws;

import io.statewise.algorithms.AlgorithmProvider;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.State;
import java.util.Map;
import java.util.Objects;

/**
 * One algorithm configuration the state laws run against: what {@link StateLawsTest} needs to know about an
 * algorithm besides its {@link io.statewise.algorithms.ElasticAlgorithm contract}.
 *
 * @param name            the display name of the fixture's tests, e.g. {@code "kmeans k=5 d=6"}
 * @param provider        builds the algorithm
 * @param hyperParameters raw values for {@link AlgorithmProvider#create(Map)}; copied
 * @param data            seeded data, replayed by every law; small enough for a pass in milliseconds
 * @param tolerance       how close states of different partitions and merge orders must be
 * @param commutativity   whether {@code merge(a, b)} and {@code merge(b, a)} must encode to the same bytes
 * @param <S>             state type
 * @param <M>             model type
 */
public record LawFixture<S extends State, M extends Model>(String name, AlgorithmProvider<S, M> provider,
                                                           Map<String, ?> hyperParameters, BatchSource data,
                                                           Tolerance<S, M> tolerance, Commutativity commutativity) {

    /** How commutative a merge is. */
    public enum Commutativity {
        /** {@code merge(a, b)} and {@code merge(b, a)} encode identically (k-means sorts the union first). */
        BITWISE,
        /** They are equivalent within the fixture's {@link Tolerance}. */
        WITHIN_TOLERANCE
    }

    public LawFixture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        hyperParameters = Map.copyOf(hyperParameters);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(commutativity, "commutativity");
    }

    /** The name, which JUnit shows for each parameterized test. */
    @Override
    public String toString() {
        return name;
    }
}
