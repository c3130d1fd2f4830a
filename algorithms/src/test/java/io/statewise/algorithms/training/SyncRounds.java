package io.statewise.algorithms.training;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.State;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulates the runtime's every-N-batches epochs in process and deterministically, as synchronous rounds. Split
 * {@code s} belongs to worker {@code s % workers}, which works through its splits in order; in each round every
 * worker with work left starts a partial from the current global state and trains up to {@code syncEvery} batches of
 * its current split (a split's end also ends the partial, as a runtime syncs when a split is done, and so does a
 * partial that wants no more); the round's partials are merged in worker order, starting from the empty state as the
 * job does, and applied with {@code completeEpoch}. Epochs whose policy is {@link SyncPolicy.AtEnd} (asked with the
 * epoch's base, as the runtime does) run as the runtime runs them: one partial per split from the base, folded in
 * split order and completed once ({@link #onePartialPerSplit}).
 *
 * @param <S> state type
 * @param <M> model type
 */
public final class SyncRounds<S extends State, M extends Model> {

    private final ElasticAlgorithm<S, M> algorithm;
    private final int workers;
    private final int syncEvery;
    private int rounds;

    /**
     * @param workers   simulated workers, at least 1
     * @param syncEvery batches between synchronizations ({@code Integer.MAX_VALUE}: only at split ends)
     */
    public SyncRounds(ElasticAlgorithm<S, M> algorithm, int workers, int syncEvery) {
        this.algorithm = algorithm;
        this.workers = workers;
        this.syncEvery = syncEvery;
    }

    /** One epoch over {@code splits} from {@code global}; the global state after its last round. */
    public S epoch(DataSchema schema, S global, List<List<Batch>> splits) {
        if (algorithm.syncPolicy(global) instanceof SyncPolicy.AtEnd) return onePartialPerSplit(schema, global, splits);
        List<List<Integer>> owned = new ArrayList<>();
        for (int w = 0; w < workers; w++) owned.add(new ArrayList<>());
        for (int s = 0; s < splits.size(); s++) owned.get(s % workers).add(s);
        int[] split = new int[workers];
        int[] next = new int[workers];
        while (true) {
            S merged = algorithm.init(schema);
            boolean any = false;
            for (int w = 0; w < workers; w++) {
                while (split[w] < owned.get(w).size() && next[w] >= splits.get(owned.get(w).get(split[w])).size()) {
                    split[w]++;
                    next[w] = 0;
                }
                if (split[w] >= owned.get(w).size()) continue;
                List<Batch> batches = splits.get(owned.get(w).get(split[w]));
                S partial = algorithm.startPartial(global, 1000L * rounds + w);
                for (int b = 0; b < syncEvery && next[w] < batches.size(); b++) {
                    if (!algorithm.wantsMore(partial)) {
                        next[w] = batches.size();
                        break;
                    }
                    algorithm.update(partial, batches.get(next[w]++));
                }
                merged = algorithm.merge(merged, partial);
                any = true;
            }
            if (!any) return global;
            global = algorithm.completeEpoch(global, merged);
            rounds++;
        }
    }

    /**
     * An epoch that syncs once per split: every split's partial starts from {@code global} and reads while it
     * {@code wantsMore}; the partials are merged in split order into the empty state and completed once.
     */
    public S onePartialPerSplit(DataSchema schema, S global, List<List<Batch>> splits) {
        S merged = algorithm.init(schema);
        for (int s = 0; s < splits.size(); s++) {
            S partial = algorithm.startPartial(global, s + 1);
            for (Batch batch : splits.get(s)) {
                if (!algorithm.wantsMore(partial)) break;
                algorithm.update(partial, batch);
            }
            merged = algorithm.merge(merged, partial);
        }
        return algorithm.completeEpoch(global, merged);
    }

    /** {@code epochs} epochs from {@code global}, each followed by {@code endEpoch}. */
    public S train(DataSchema schema, S global, List<List<Batch>> splits, int epochs) {
        for (int e = 0; e < epochs; e++) global = algorithm.endEpoch(epoch(schema, global, splits));
        return global;
    }

    /** Synchronization rounds run so far. */
    public int rounds() {
        return rounds;
    }
}
