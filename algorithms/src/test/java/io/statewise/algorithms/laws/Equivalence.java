package io.statewise.algorithms.laws;

import io.statewise.algorithms.Model;
import io.statewise.algorithms.State;
import java.util.Arrays;
import java.util.function.Function;

/**
 * How far apart two states of one algorithm are, as a relative difference that a {@link Tolerance} bounds: 0 for
 * equal, {@code +inf} (or NaN) for incomparable. The laws ask "is the merge of partials the same as one pass?", and
 * only the algorithm knows what "the same" means: equal sums up to rounding for an exact algorithm, an equally good
 * model for an approximate one.
 *
 * @param <S> state type
 * @param <M> model type
 */
@FunctionalInterface
public interface Equivalence<S extends State, M extends Model> {

    /**
     * The relative difference of {@code actual} from {@code expected}.
     *
     * @param run the algorithm and its data. Neither state is modified.
     */
    double difference(LawRun<S, M> run, S expected, S actual);

    /** The larger difference of this and {@code other}: both must hold. */
    default Equivalence<S, M> and(Equivalence<S, M> other) {
        return (run, a, b) -> {
            double x = difference(run, a, b);
            double y = other.difference(run, a, b);
            return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.max(x, y);
        };
    }

    /** 0 for identical encodings, else infinite: for algorithms whose every merge order gives the same bits. */
    static <S extends State, M extends Model> Equivalence<S, M> encodedState() {
        return (run, a, b) -> Arrays.equals(run.bytes(a), run.bytes(b)) ? 0 : Double.POSITIVE_INFINITY;
    }

    /**
     * The largest difference of numbers read from the states, relative to the largest magnitude among them: for
     * exact algorithms, whose merge order only changes rounding.
     */
    static <S extends State, M extends Model> Equivalence<S, M> stateValues(Function<S, double[]> values) {
        return (run, a, b) -> relativeDifference(values.apply(a), values.apply(b));
    }

    /** As {@link #stateValues} on numbers read from the finalized models. */
    static <S extends State, M extends Model> Equivalence<S, M> modelValues(Function<M, double[]> values) {
        return (run, a, b) -> relativeDifference(values.apply(run.algorithm().finalize(a)),
                values.apply(run.algorithm().finalize(b)));
    }

    /**
     * The relative difference of an evaluator metric (e.g. k-means {@code msd}) of both finalized models over the
     * fixture's data: for approximate algorithms, where different merge orders give different but equally good
     * models. The metric must be among those the fixture's hyperparameters make the evaluator report.
     */
    static <S extends State, M extends Model> Equivalence<S, M> evaluatorMetric(String metric) {
        return (run, a, b) -> relativeDifference(run.evaluate(run.algorithm().finalize(a), metric),
                run.evaluate(run.algorithm().finalize(b), metric));
    }

    /** {@code |x - y| / min(|x|, |y|)}: 0 if equal, infinite if one is 0 and the other not. */
    static double relativeDifference(double x, double y) {
        if (x == y) return 0;
        return Math.abs(x - y) / Math.min(Math.abs(x), Math.abs(y));
    }

    /** {@code max |x_i - y_i| / max(|x_i|, |y_i|)} over all i, infinite if the lengths differ. */
    static double relativeDifference(double[] x, double[] y) {
        if (x.length != y.length) return Double.POSITIVE_INFINITY;
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < x.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(x[i]), Math.abs(y[i])));
            diff = Math.max(diff, Math.abs(x[i] - y[i])); // NaN stays NaN, and fails every tolerance
        }
        if (diff == 0) return 0;
        return diff / scale;
    }
}
