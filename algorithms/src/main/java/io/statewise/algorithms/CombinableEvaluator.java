package io.statewise.algorithms;

/**
 * An {@link Evaluator} whose accumulated metrics are sums and counts, so that evaluators of one model over parts of
 * the data combine into the evaluator of the whole; the runtime then evaluates a model's splits in parallel. For
 * evaluators whose work per record is large (DeepAR samples a forecast per series).
 */
public interface CombinableEvaluator extends Evaluator {

    /**
     * Adds what {@code other}, an evaluator of the same model, has scored; {@code other} is not modified.
     *
     * @throws IllegalArgumentException if {@code other} evaluates another kind of model or shape
     */
    void addAll(CombinableEvaluator other);
}
