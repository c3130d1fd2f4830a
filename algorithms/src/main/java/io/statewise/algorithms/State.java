package io.statewise.algorithms;

/**
 * A fixed-size summary of all data an algorithm has seen. Mutable, confined to one thread at a time.
 */
public interface State {

    /** Records this state summarizes (for partials: records of their split). */
    long records();

    /**
     * Bytes this state takes when encoded with its algorithm's state codec. Depends on hyperparameters and the schema
     * only, never on {@link #records()}.
     */
    long serializedSize();
}
