package io.statewise.algorithms;

/**
 * When workers send their partial states to the job.
 */
public sealed interface SyncPolicy {

    /** One partial per split, when the split is done (k-means, PCA). */
    record AtEnd() implements SyncPolicy {}

    /** Example-weighted parameter deltas every {@code batches} mini-batches (SGD averaging, neural models). */
    record EveryNBatches(int batches) implements SyncPolicy {
        public EveryNBatches {
            if (batches < 1) throw new IllegalArgumentException("batches must be >= 1, got " + batches);
        }
    }

    /** The policy of algorithms that sync once per split. */
    static SyncPolicy atEnd() {
        return new AtEnd();
    }
}
