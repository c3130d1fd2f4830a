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
 */
public record WorkAssignment(String jobId, String algorithm, Map<String, String> hyperParameters, DataSchema schema,
                             InputFormat format, long maxBadRecords, int epoch, Split split, byte[] base, long seed)
        implements CborSerializable {}
