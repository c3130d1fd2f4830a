package io.statewise.actors.tuningjob;

import io.statewise.persistence.CborSerializable;
import java.util.Optional;

/** The answer to a status request: empty when no tuning job has the id (serializable across nodes). */
public record TuningView(Optional<TuningStatus> status) implements CborSerializable {}
