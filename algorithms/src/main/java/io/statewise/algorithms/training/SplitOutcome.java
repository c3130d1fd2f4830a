package io.statewise.algorithms.training;

import io.statewise.algorithms.State;

/**
 * What one split contributed.
 *
 * @param partial    the split's partial state (no contribution of the base)
 * @param records    good records read
 * @param badRecords malformed records skipped
 */
public record SplitOutcome(State partial, long records, long badRecords) {}
