package io.statewise.algorithms.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The schedule of successive halving (Jamieson and Talwalkar, "Non-stochastic Best Arm Identification and
 * Hyperparameter Optimization", AISTATS 2016; the rungs of Li et al.'s Hyperband and ASHA): rung {@code k} trains
 * {@code max(1, floor(n / eta^k))} configurations for {@code min(maxEpochs, minEpochs * eta^k)} epochs, and the best
 * {@code 1/eta} of each rung go on to the next, until a rung trains for {@code maxEpochs}. With {@code n = 27},
 * {@code eta = 3} and epochs 1 to 9 the rungs are 27 x 1, 9 x 3 and 3 x 9 epochs. Random search is the one-rung case:
 * every configuration for {@code maxEpochs}.
 *
 * <p>Immutable.
 *
 * @param configurations configurations in the first rung, at least 1
 * @param eta            the reduction factor, at least 2
 * @param minEpochs      epochs of the first rung, at least 1
 * @param maxEpochs      epochs of the last rung, at least {@code minEpochs}
 */
public record SuccessiveHalving(int configurations, int eta, int minEpochs, int maxEpochs) {

    /** One rung: how many configurations it trains, and for how many epochs in all. */
    public record Rung(int index, int size, int epochs) {}

    /**
     * @throws SearchException naming the request field of the first bad value
     */
    public SuccessiveHalving {
        if (configurations < 1) throw new SearchException("configurations", "configurations must be >= 1, got "
                + configurations);
        if (eta < 2) throw new SearchException("eta", "eta must be >= 2, got " + eta);
        if (minEpochs < 1) throw new SearchException("min_epochs", "min_epochs must be >= 1, got " + minEpochs);
        if (maxEpochs < minEpochs) throw new SearchException("max_epochs", "max_epochs (" + maxEpochs
                + ") must be >= min_epochs (" + minEpochs + ")");
    }

    /** Random search: one rung of every configuration trained for {@code epochs}. */
    public static SuccessiveHalving random(int configurations, int epochs) {
        return new SuccessiveHalving(configurations, 2, epochs, epochs);
    }

    /** The rungs, first to last; the last trains for {@code maxEpochs}. */
    public List<Rung> rungs() {
        List<Rung> out = new ArrayList<>();
        long epochs = minEpochs;
        long divisor = 1;
        for (int k = 0; ; k++) {
            int size = (int) Math.max(1, configurations / divisor);
            out.add(new Rung(k, size, (int) Math.min(maxEpochs, epochs)));
            if (epochs >= maxEpochs || size == 1) return List.copyOf(out);
            epochs *= eta;
            divisor *= eta;
        }
    }

    /** Rung {@code k}. */
    public Rung rung(int k) {
        return rungs().get(k);
    }

    /** Whether rung {@code k} is the last. */
    public boolean isLast(int k) {
        return k == rungs().size() - 1;
    }

    /** One configuration's result in a rung: NaN when it has none (its job failed). */
    public record Score(int configuration, double metric) {}

    /**
     * The configurations of rung {@code k} that go on to rung {@code k + 1}: the best {@code rung(k + 1).size()} by
     * metric in the objective's direction, configurations without a metric last, ties to the lower index (so the
     * promotion is a function of the scores alone).
     *
     * @param scores the results of every configuration of rung {@code k}
     * @throws IllegalArgumentException if {@code k} is the last rung
     */
    public List<Integer> promoted(int k, List<Score> scores, Objective.Goal goal) {
        if (isLast(k)) throw new IllegalArgumentException("rung " + k + " is the last; nothing is promoted");
        return best(scores, goal, rung(k + 1).size());
    }

    /** The best {@code count} configurations of {@code scores}, best first (as {@link #promoted} ranks them). */
    public static List<Integer> best(List<Score> scores, Objective.Goal goal, int count) {
        Comparator<Score> byMetric = (a, b) -> {
            boolean aMissing = Double.isNaN(a.metric());
            boolean bMissing = Double.isNaN(b.metric());
            if (aMissing || bMissing) return Boolean.compare(aMissing, bMissing);
            return goal == Objective.Goal.MINIMIZE ? Double.compare(a.metric(), b.metric())
                    : Double.compare(b.metric(), a.metric());
        };
        return scores.stream().sorted(byMetric.thenComparingInt(Score::configuration)).limit(count)
                .map(Score::configuration).toList();
    }
}
