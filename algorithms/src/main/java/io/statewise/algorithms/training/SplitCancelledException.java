package io.statewise.algorithms.training;

/** A split abandoned because its job was cancelled or its lease moved on. */
public final class SplitCancelledException extends RuntimeException {
    public SplitCancelledException(int splitId) {
        super("split " + splitId + " cancelled", null, false, false);
    }
}
