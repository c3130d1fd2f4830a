package io.statewise.algorithms.linear;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.training.SyncRounds;
import java.util.List;

/**
 * Simulates the runtime driving a linear learner, in process and deterministically: the scaler pass (one partial per
 * split, each reading while it {@code wantsMore}, merged, then {@code completeEpoch}), then every training epoch as
 * synchronous rounds ({@link SyncRounds}). After each epoch the driver calls {@code endEpoch} if asked to.
 */
final class LinearLearnerDriver {

    private final LinearLearner algorithm;
    private final boolean endEpochs;
    private final SyncRounds<LinearState, LinearModel> rounds;

    /**
     * A driver.
     *
     * @param workers   simulated workers, at least 1
     * @param syncEvery batches between synchronizations ({@code Integer.MAX_VALUE}: only at split ends)
     * @param endEpochs whether to call {@link LinearLearner#endEpoch} after each epoch
     */
    LinearLearnerDriver(LinearLearner algorithm, int workers, int syncEvery, boolean endEpochs) {
        this.algorithm = algorithm;
        this.endEpochs = endEpochs;
        this.rounds = new SyncRounds<>(algorithm, workers, syncEvery);
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
        LinearState global = rounds.onePartialPerSplit(schema, algorithm.init(schema), splits);
        return endEpochs ? algorithm.endEpoch(global) : global;
    }

    /** One training epoch in synchronous rounds from {@code global} ({@link SyncRounds}). */
    LinearState trainEpoch(DataSchema schema, LinearState global, List<List<Batch>> splits) {
        global = rounds.epoch(schema, global, splits);
        return endEpochs ? algorithm.endEpoch(global) : global;
    }

    /** Synchronization rounds run so far. */
    int rounds() {
        return rounds.rounds();
    }
}
