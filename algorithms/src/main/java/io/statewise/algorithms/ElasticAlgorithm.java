package io.statewise.algorithms;

import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.InputKind;
import io.statewise.algorithms.data.SplitBalance;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The elastic algorithm contract: a model is computed from a fixed-size, mergeable {@link State} that summarizes
 * every record seen so far (Liberty et al., "Elastic Machine Learning Algorithms in Amazon SageMaker", SIGMOD 2020).
 *
 * <p>An instance is immutable and thread-safe: it is built from validated {@link HyperParameters} and holds no
 * training data. All mutable data lives in states, which are confined to one thread at a time.
 *
 * <p>Laws every implementation keeps (checked by tests):
 * <ul>
 *   <li>{@link #update} sees each record once and never retains a reference to the batch;</li>
 *   <li>{@link #merge} is associative and commutative (exactly for exact algorithms, up to a stated tolerance
 *       otherwise), so partial states from any partition of the data combine to the same result;</li>
 *   <li>a state's {@link State#serializedSize() size} depends on hyperparameters and the schema only, never on the
 *       number of records;</li>
 *   <li>{@link #finalize} is cheap, may be called at any time and any number of times, and does not change the
 *       state.</li>
 * </ul>
 *
 * <p><b>Partials never contain the base.</b> A worker calls {@link #startPartial} with the global state as it was at
 * the start of the epoch (read-only), streams its split through {@link #update}, and returns a partial that holds
 * only that split's contribution; the runtime merges partials into the epoch's state exactly once per split.
 *
 * @param <S> the state type
 * @param <M> the model type
 */
public interface ElasticAlgorithm<S extends State, M extends Model> {

    /** The algorithm's registered name, e.g. {@code "kmeans"}: the name its hyperparameters were validated for. */
    default String name() {
        return hyperParameters().spec().algorithm();
    }

    /**
     * The kinds of data this algorithm reads. The default is numeric records only; a text algorithm (the vocabulary
     * pass) or one that reads both (a bag-of-words model fed text) overrides it, and {@link #update} must then accept
     * every batch type of the kinds it names.
     */
    default Set<InputKind> inputKinds() {
        return Set.of(InputKind.NUMERIC);
    }

    /**
     * What the runtime keeps equal between the splits of a file, so that the workers reading them finish together. The
     * default is bytes; an algorithm whose time per record hardly depends on the record's length asks for records.
     */
    default SplitBalance splitBalance() {
        return SplitBalance.BYTES;
    }

    /** The validated hyperparameters this instance was built from. */
    HyperParameters hyperParameters();

    /** Epochs and mini-batch size the runtime uses to drive this algorithm: the most epochs any input takes. */
    TrainingSchedule schedule();

    /**
     * The schedule for data of {@code schema}, when the number of epochs depends on the input (an NTM over text takes
     * one more epoch, to build its vocabulary). Never more epochs than {@link #schedule()}. The default is
     * {@link #schedule()}.
     */
    default TrainingSchedule schedule(DataSchema schema) {
        return schedule();
    }

    /** How workers synchronize with the job: once per split, or every N mini-batches. */
    SyncPolicy syncPolicy();

    /**
     * The sync policy of the epoch that starts from {@code epochBase}. Algorithms whose epochs differ (a linear
     * learner's first epoch only gathers normalization statistics, merged once per split; its training epochs sync
     * every N batches) override this; the default is {@link #syncPolicy()}.
     */
    default SyncPolicy syncPolicy(S epochBase) {
        return syncPolicy();
    }

    /** An empty state for the given schema; its size is fixed by the hyperparameters and the schema. */
    S init(DataSchema schema);

    /**
     * A new partial state for one split, read-only seeded from {@code base} (the global state at the start of the
     * epoch, empty in the first epoch). The partial holds no contribution of the base.
     *
     * @param base  the global state at the start of the epoch. Not modified.
     * @param seed  randomness for this split, derived by the runtime from (job seed, epoch, split) so that a rescaled
     *              or resumed job replays bit for bit
     */
    S startPartial(S base, long seed);

    /** Adds one mini-batch to {@code state}. Single pass; the batch's buffers are not retained. */
    void update(S state, Batch batch);

    /** Combines two states into a new one; neither argument is modified. Associative and commutative. */
    S merge(S a, S b);

    /**
     * The global state after applying the merge of a set of partials to {@code previous}: at the end of an epoch for
     * {@link SyncPolicy.AtEnd} algorithms, and at every synchronization for {@link SyncPolicy.EveryNBatches} ones
     * (the parameter-server step). Algorithms whose partials are re-estimates (k-means over several epochs) return
     * {@code merged}; algorithms whose partials are deltas (SGD: example-weighted average parameter changes) add
     * them to {@code previous}. Neither argument is modified.
     */
    default S completeEpoch(S previous, S merged) {
        return merged;
    }

    /**
     * The global state at the end of an epoch, after its last {@link #completeEpoch}: where per-epoch bookkeeping
     * happens (early stopping, learning-rate schedules, the epoch's losses kept for model selection). The default
     * changes nothing. Does not modify {@code global}.
     */
    default S endEpoch(S global) {
        return global;
    }

    /**
     * As {@link #endEpoch(State)}, with the epoch's candidates scored on validation data by {@link #selectionScorer}
     * (the runtime scores them after the epoch's last merge, when the job has validation data): algorithms that stop
     * early on validation loss read them here. The default ignores the scores. Does not modify {@code global}.
     */
    default S endEpoch(S global, SelectionScores validation) {
        return endEpoch(global);
    }

    /**
     * Whether training is over before its last scheduled epoch: no further epoch could change {@code global} (every
     * candidate stopped early). The runtime then finalizes at once. The default is false.
     */
    default boolean converged(S global) {
        return false;
    }

    /**
     * What the runtime reports of an epoch, read from the global state after {@link #endEpoch} and from the
     * epoch's validation scores when there were any (e.g. the best training and validation losses, the candidates
     * still training). Names are lower-case with underscores. The default reports nothing.
     */
    default Map<String, Double> epochMetrics(S global, Optional<SelectionScores> validation) {
        return Map.of();
    }

    /**
     * Whether a partial still wants records of its split. The runtime stops reading a split early when this turns
     * false, for passes that need only a sample (e.g. the normalization statistics of a linear learner). Checked
     * between mini-batches.
     */
    default boolean wantsMore(S partial) {
        return true;
    }

    /** The model from {@code state} with this instance's hyperparameters. Does not modify the state. */
    default M finalize(S state) {
        return finalize(state, hyperParameters());
    }

    /**
     * The model from {@code state} with other finalize-time hyperparameters (for example a smaller {@code k}): the
     * basis of tuning without another data pass. Does not modify the state.
     *
     * @throws InvalidHyperParameterException if a finalize-time hyperparameter does not fit the state
     */
    M finalize(S state, HyperParameters finalizeParams);

    /**
     * A scorer of the candidate models inside {@code state} over validation data, for algorithms that choose among
     * several candidates at finalize (the linear learner's packed models); empty (the default) when finalize needs
     * no data. Does not modify the state.
     */
    default Optional<SelectionScorer> selectionScorer(S state) {
        return Optional.empty();
    }

    /**
     * The model from {@code state}, choosing among its candidates by {@code validation} scores from
     * {@link #selectionScorer}. The default ignores the scores. Does not modify the state.
     */
    default M finalize(S state, HyperParameters finalizeParams, SelectionScores validation) {
        return finalize(state, finalizeParams);
    }

    /**
     * The codec of this algorithm's {@link SelectionScores}, for algorithms with a {@link #selectionScorer}: the
     * runtime persists an epoch's validation scores with its end, so replay needs no data.
     *
     * @throws UnsupportedOperationException if the algorithm has no candidates to score
     */
    default Codec<SelectionScores> selectionScoresCodec() {
        throw new UnsupportedOperationException(name() + " has no candidate models to score");
    }

    /** A fresh accumulator of evaluation metrics for {@code model} over any number of batches. */
    Evaluator evaluator(M model);

    /** Versioned compact binary codec of states. */
    Codec<S> stateCodec();

    /** Versioned compact binary codec of models. */
    Codec<M> modelCodec();
}
