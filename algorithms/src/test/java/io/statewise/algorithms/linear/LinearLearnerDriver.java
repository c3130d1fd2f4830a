package io.statewise.algorithms.linear;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulates the runtime driving a linear learner, in process and deterministically: the scaler pass (one partial per
 * split, each reading while it {@code wantsMore}, merged, then {@code completeEpoch}), then every training epoch as
 * synchronous rounds. Split {@code s} belongs to worker {@code s % workers}, which works through its splits in order;
 * in each round every worker with work left starts a partial from the current global state and trains up to
 * {@code syncEvery} batches of its current split (a split's end also ends the partial, as a runtime syncs when a split
 * is done); the round's partials are merged in worker order, starting from the empty state as the job does, and
 * applied with {@code completeEpoch}. After each epoch the driver calls {@code endEpoch} if asked to.
 */
final class LinearLearnerDriver {

    private final LinearLearner algorithm;
    private final int workers;
    private final int syncEvery;
    private final boolean endEpochs;
    private int rounds;

    /**
     * A driver.
     *
     * @param workers   simulated workers, at least 1
     * @param syncEvery batches between synchronizations ({@code Integer.MAX_VALUE}: only at split ends)
     * @param endEpochs whether to call {@link LinearLearner#endEpoch} after each epoch
     */
    LinearLearnerDriver(LinearLearner algorithm, int workers, int syncEvery, boolean endEpochs) {
        this.algorithm = algorithm;
        this.workers = workers;
        this.syncEvery = syncEvery;
        this.endEpochs = endEpochs;
    }

    /** A driver of one worker that syncs as the algorithm's policy says and ends epochs. */
    static LinearLearnerDriver of(LinearLearner algorithm) {
        return new LinearLearnerDriver(algorithm, 1, algorithm.config().syncEveryBatches(), true);
    }

    /** The whole schedule over {@code splits}: the scaler pass, then every training epoch. */
    LinearState train(DataSchema schema, List<List<Batch>> splits) {
        LinearState global = scalerPass(schema, splits);
        for (int e = 1; e < algorithm.schedule().epochs(); e++) global = trainEpoch(schema, global, splits);
        return global;
    }

    /** Epoch 1: the MODEL state built from every split's scaler sample. */
    LinearState scalerPass(DataSchema schema, List<List<Batch>> splits) {
        LinearState empty = algorithm.init(schema);
        LinearState merged = algorithm.init(schema);
        long seed = 1;
        for (List<Batch> split : splits) {
            LinearState partial = algorithm.startPartial(empty, seed++);
            for (Batch batch : split) {
                if (!algorithm.wantsMore(partial)) break;
                algorithm.update(partial, batch);
            }
            merged = algorithm.merge(merged, partial);
        }
        LinearState global = algorithm.completeEpoch(empty, merged);
        return endEpochs ? algorithm.endEpoch(global) : global;
    }

    /** One training epoch in synchronous rounds from {@code global}. */
    LinearState trainEpoch(DataSchema schema, LinearState global, List<List<Batch>> splits) {
        List<List<Integer>> owned = new ArrayList<>();
        for (int w = 0; w < workers; w++) owned.add(new ArrayList<>());
        for (int s = 0; s < splits.size(); s++) owned.get(s % workers).add(s);
        int[] split = new int[workers];
        int[] next = new int[workers];
        while (true) {
            LinearState merged = algorithm.init(schema);
            boolean any = false;
            for (int w = 0; w < workers; w++) {
                while (split[w] < owned.get(w).size() && next[w] >= splits.get(owned.get(w).get(split[w])).size()) {
                    split[w]++;
                    next[w] = 0;
                }
                if (split[w] >= owned.get(w).size()) continue;
                List<Batch> batches = splits.get(owned.get(w).get(split[w]));
                LinearState partial = algorithm.startPartial(global, 1000L * w + next[w]);
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
            if (!any) break;
            global = algorithm.completeEpoch(global, merged);
            rounds++;
        }
        return endEpochs ? algorithm.endEpoch(global) : global;
    }

    /** Synchronization rounds run so far. */
    int rounds() {
        return rounds;
    }
}
