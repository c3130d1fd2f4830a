package io.statewise.algorithms.ntm;

import io.statewise.algorithms.nn.EpochProgress;
import io.statewise.algorithms.nn.WeightedAverage;
import java.util.Arrays;

/**
 * Local SGD with a parameter server (McMahan et al., AISTATS 2017; Liberty et al., SIGMOD 2020): partials merge by
 * averaging, weighted by the documents each trained on, and the job applies the merged change to its parameters.
 * <ul>
 *   <li>{@link #merge}: parameters, bases and optimizer moments are record-weighted averages {@code (na a + nb b) /
 *       (na + nb)} (equal weights if neither trained a document), so the merged change {@code params - base} is the
 *       weighted average of the changes; equal bases (partials of one round) are kept as they are. Counters add,
 *       bookkeeping is combined by max/min/or. Written symmetrically: bit-for-bit commutative, associative up to
 *       float rounding.</li>
 *   <li>{@link #apply}: trainable parameters become {@code previous + (merged.params - merged.base)}, in double
 *       before rounding to float, so one worker reproduces plain mini-batch training bit for bit; the buffers (batch
 *       norm's running statistics) and the optimizer moments are replaced by the merged ones: they are re-estimates,
 *       not changes, and adding a stale worker's change to statistics that other workers moved meanwhile could even
 *       drive a variance below zero; counters add.</li>
 * </ul>
 */
final class ParameterAveraging {

    private ParameterAveraging() {}

    /** The weighted average of two partials. */
    static NtmState merge(NtmState a, NtmState b) {
        double na = a.documents;
        double nb = b.documents;
        float[][] moments = new float[a.moments.length][];
        for (int s = 0; s < moments.length; s++) moments[s] = WeightedAverage.of(a.moments[s], na, b.moments[s], nb);
        float[] base = Arrays.equals(a.base, b.base) ? a.base.clone() : WeightedAverage.of(a.base, na, b.base, nb);
        NtmState out = new NtmState(a.shape, NtmState.Kind.PARTIAL, WeightedAverage.of(a.params, na, b.params, nb),
                base, moments);
        out.copyCountersFrom(a);
        out.addCountersOf(b);
        out.steps = a.steps + b.steps;
        out.baseSteps = Math.max(a.baseSteps, b.baseSteps);
        out.random = a.random + b.random;
        out.progress = EpochProgress.merge(a.progress, b.progress);
        out.copyVocabularyFrom(a);
        return out;
    }

    /** A global state: {@code previous}'s parameters plus the change of the partial {@code merged}. */
    static NtmState apply(NtmState previous, NtmState merged) {
        float[] params = merged.params.clone(); // buffers: the merged statistics
        int trainable = previous.shape.trainable();
        for (int i = 0; i < trainable; i++) {
            params[i] = (float) ((double) previous.params[i] + ((double) merged.params[i] - merged.base[i]));
        }
        float[][] moments = new float[merged.moments.length][];
        for (int s = 0; s < moments.length; s++) moments[s] = merged.moments[s].clone();
        NtmState out = new NtmState(previous.shape, NtmState.Kind.GLOBAL, params, null, moments);
        out.copyCountersFrom(previous);
        out.addCountersOf(merged);
        out.copyBookkeepingFrom(previous);
        out.steps = previous.totalSteps() + merged.steps;
        out.copyVocabularyFrom(previous);
        return out;
    }
}
