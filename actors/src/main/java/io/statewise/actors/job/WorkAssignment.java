package io.statewise.actors.job;

import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.Split;
import io.statewise.persistence.CborSerializable;
import java.util.Map;

/**
 * Everything a worker needs to process one split: the algorithm configuration, the split, the epoch's base state and
 * the split's seed. Self-contained, so a worker on any node can process it without other lookups.
 *
 * @param jobId           the job
 * @param algorithm       algorithm name
 * @param hyperParameters raw hyperparameters (validated at submission)
 * @param schema          the job's schema
 * @param format          how to parse the split (CSV or LibSVM)
 * @param maxBadRecords   malformed rows tolerated
 * @param epoch           the epoch this split belongs to
 * @param split           the byte range
 * @param base            the epoch's base state, encoded
 * @param seed            the split's seed
 * @param syncEveryBatches 0: train the whole split and send one partial; n &gt; 0: send a partial every n mini-batches
 *                         and continue from the global state the job returns
 * @param startSegment    segments of this split the job already merged (a resumed split skips their batches)
 */
public record WorkAssignment(String jobId, String algorithm, Map<String, String> hyperParameters, DataSchema schema,
                             InputFormat format, long maxBadRecords, int epoch, Split split, byte[] base, long seed,
                             int syncEveryBatches, int startSegment) implements CborSerializable {

    /** The seed of one segment of this split. */
    public long segmentSeed(int segment) {
        long z = seed + 0x9E3779B97F4A7C15L * (segment + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 27);
    }
}
