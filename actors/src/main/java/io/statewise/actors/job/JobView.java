package io.statewise.actors.job;

import io.statewise.persistence.CborSerializable;
import java.util.Optional;

/**
 * A job's answer to queries: its status (empty if no job has this id) and, once completed, its encoded model.
 */
public record JobView(Optional<JobStatus> status, Optional<byte[]> model) implements CborSerializable {

    /** The answer of an id no job has. */
    public static JobView none() {
        return new JobView(Optional.empty(), Optional.empty());
    }
}
