package io.statewise.actors.job;

import io.statewise.persistence.CborSerializable;

/**
 * An online job's answer to a merged batch of records: the batch is persisted.
 *
 * @param sequenceNr the job's event that holds it (a checkpoint: replaying the job up to it includes the batch)
 * @param records    records the job has merged in all, this batch included
 */
public record OnlineCheckpoint(long sequenceNr, long records) implements CborSerializable {}
