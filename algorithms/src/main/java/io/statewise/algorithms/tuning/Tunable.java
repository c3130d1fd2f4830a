package io.statewise.algorithms.tuning;

import io.statewise.algorithms.State;
import java.util.List;

/**
 * An algorithm whose models can be tuned from a trained state: hyperparameters read only at finalize are swept
 * without another data pass. Implemented next to {@link io.statewise.algorithms.ElasticAlgorithm}.
 *
 * @param <S> the state type
 */
public interface Tunable<S extends State> {

    /** The hyperparameters a sweep may name, in the order the algorithm documents them. */
    List<String> tunableParameters();

    /**
     * Plans a sweep over {@code state}: validates the request and finalizes the candidates. Does not modify the state.
     *
     * @throws TuneRequestException naming the request field at fault: an unknown or untunable parameter, an empty
     *                              range, a value of the wrong type or out of range, an unknown choice
     */
    Sweep sweep(S state, TuneRequest request);
}
