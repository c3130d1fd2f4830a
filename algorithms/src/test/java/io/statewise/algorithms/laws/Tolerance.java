package io.statewise.algorithms.laws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Model;
import io.statewise.algorithms.State;

/**
 * How close the states of different partitions and merge orders must be, and how closeness is measured.
 *
 * @param kind        {@link Kind#EXACT} for algorithms whose merge only reorders floating-point sums,
 *                    {@link Kind#APPROXIMATE} for algorithms whose merge summarizes (k-means reduces the union of
 *                    centers, sketches compress)
 * @param relative    the largest {@link Equivalence#difference} allowed; at most {@link #EXACT_LIMIT} for EXACT
 * @param equivalence the measure of difference
 * @param <S>         state type
 * @param <M>         model type
 */
public record Tolerance<S extends State, M extends Model>(Kind kind, double relative, Equivalence<S, M> equivalence) {

    /** The loosest tolerance that still means "equal up to rounding". */
    public static final double EXACT_LIMIT = 1e-6;

    /** Whether a merge is exact up to rounding or an approximation. */
    public enum Kind { EXACT, APPROXIMATE }

    public Tolerance {
        if (kind == null || equivalence == null) throw new NullPointerException("kind and equivalence are required");
        if (!(relative >= 0)) throw new IllegalArgumentException("relative must be >= 0, got " + relative);
        if (kind == Kind.EXACT && relative > EXACT_LIMIT) {
            throw new IllegalArgumentException("an EXACT tolerance of " + relative
                    + " is more than rounding; use APPROXIMATE");
        }
    }

    /** Equal up to rounding, e.g. {@code exact(1e-9, Equivalence.stateValues(...))}. */
    public static <S extends State, M extends Model> Tolerance<S, M> exact(double relative, Equivalence<S, M> eq) {
        return new Tolerance<>(Kind.EXACT, relative, eq);
    }

    /** Equally good, e.g. {@code approximate(0.02, Equivalence.evaluatorMetric("msd"))}. */
    public static <S extends State, M extends Model> Tolerance<S, M> approximate(double relative,
                                                                                Equivalence<S, M> eq) {
        return new Tolerance<>(Kind.APPROXIMATE, relative, eq);
    }

    /** Fails, naming {@code what}, unless {@code actual} is within this tolerance of {@code expected}. */
    void assertEquivalent(LawRun<S, M> run, S expected, S actual, String what) {
        double difference = equivalence.difference(run, expected, actual);
        assertTrue(difference <= relative, () -> run.fixture().name() + ": " + what + " differs by " + difference
                + ", more than the " + kind + " tolerance " + relative);
    }
}
