package io.statewise.actors.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.statewise.algorithms.State;
import io.statewise.algorithms.training.Trainer;
import java.util.Objects;

/**
 * An algorithm state held both as a value and as its codec bytes, each computed on first use: the job folds decoded
 * states together without re-encoding them per event, and snapshots and messages carry the compact bytes.
 *
 * <p>The held state is never mutated (merge returns new states), so a cell can be shared.
 */
public final class StateCell {
    private final Trainer trainer;
    private volatile byte[] bytes;
    private volatile State value;

    private StateCell(Trainer trainer, byte[] bytes, State value) {
        this.trainer = trainer;
        this.bytes = bytes;
        this.value = value;
    }

    /** A cell of encoded bytes (from an event, a snapshot or a message). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StateCell ofBytes(byte[] bytes) {
        return new StateCell(null, Objects.requireNonNull(bytes, "bytes"), null);
    }

    /** A cell of a state value, encoded with {@code trainer} when needed. */
    public static StateCell of(State value, Trainer trainer) {
        return new StateCell(Objects.requireNonNull(trainer), null, Objects.requireNonNull(value));
    }

    /** The encoded state. */
    @JsonValue
    public byte[] bytes() {
        byte[] b = bytes;
        if (b == null) {
            b = trainer.encodeState(value);
            bytes = b;
        }
        return b;
    }

    /** The state, decoded with {@code decoder} if the cell holds only bytes. Do not modify it. */
    public State value(Trainer decoder) {
        State v = value;
        if (v == null) {
            v = decoder.decodeState(bytes);
            value = v;
        }
        return v;
    }
}
