package io.statewise.algorithms.training;

import io.statewise.algorithms.AlgorithmProvider;
import io.statewise.algorithms.Algorithms;
import io.statewise.algorithms.CombinableEvaluator;
import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.Evaluator;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.SelectionScorer;
import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.State;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.TrainingSchedule;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.SplitCache;
import io.statewise.algorithms.data.SplitReader;
import io.statewise.algorithms.tuning.Sweep;
import io.statewise.algorithms.tuning.Tunable;
import io.statewise.algorithms.tuning.TuneRequest;
import io.statewise.algorithms.tuning.TuneRequestException;
import io.statewise.algorithms.tuning.TuneResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BinaryOperator;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A configured algorithm seen through its erased types, with the data loops the runtime needs: stream one split
 * through {@code update}, evaluate a model over splits. The runtime handles states and models as opaque values and
 * bytes; all math stays here and in the algorithm packages. The loops read through {@link DataFormat}, so they are the
 * same for dense CSV and sparse LibSVM data: the format makes the batch and the reader that fills it.
 *
 * <p>With a {@link SplitCache} ({@link #withSplitCache}) the loops replay parsed batches of numeric splits from the
 * node's disk after their first complete read instead of parsing them again every epoch.
 *
 * <p>Immutable and thread-safe (as the wrapped algorithm). The states and models it returns are confined to the caller.
 */
public final class Trainer {

    private final ElasticAlgorithm<State, Model> algorithm;
    /** Where parsed splits are cached between epochs, or null to parse every read. */
    private final SplitCache splitCache;

    private Trainer(ElasticAlgorithm<State, Model> algorithm, SplitCache splitCache) {
        this.algorithm = algorithm;
        this.splitCache = splitCache;
    }

    /**
     * A trainer for a registered algorithm.
     *
     * @throws io.statewise.algorithms.UnknownAlgorithmException if no such algorithm is registered
     * @throws io.statewise.algorithms.InvalidHyperParameterException if a value is missing, unknown or invalid
     */
    @SuppressWarnings("unchecked")
    public static Trainer create(String algorithmName, Map<String, ?> hyperParameters) {
        AlgorithmProvider<?, ?> provider = Algorithms.provider(algorithmName);
        return new Trainer((ElasticAlgorithm<State, Model>) provider.create(hyperParameters), null);
    }

    /**
     * This trainer reading numeric splits through {@code cache} (null: parse every read): training, evaluation and
     * validation scoring replay a split's parsed batches after its first complete read, with the same batch
     * boundaries and record counts as parsing.
     */
    public Trainer withSplitCache(SplitCache cache) {
        return cache == splitCache ? this : new Trainer(algorithm, cache);
    }

    /** The split cache the data loops read through, if any. */
    public Optional<SplitCache> splitCache() {
        return Optional.ofNullable(splitCache);
    }

    /** A reader of {@code split}, through {@code cache} when there is one. */
    static SplitReader openReader(SplitCache cache, Split split, DataFormat format, DataSchema schema,
                                  long maxBadRecords, int batchCapacity) {
        return cache == null ? format.open(split, schema, maxBadRecords)
                : cache.open(format, split, schema, maxBadRecords, batchCapacity);
    }

    /** The wrapped algorithm. */
    public ElasticAlgorithm<?, ?> algorithm() {
        return algorithm;
    }

    public TrainingSchedule schedule() {
        return algorithm.schedule();
    }

    /** The schedule for data of {@code schema} ({@link ElasticAlgorithm#schedule(DataSchema)}). */
    public TrainingSchedule schedule(DataSchema schema) {
        return algorithm.schedule(schema);
    }

    public State emptyState(DataSchema schema) {
        return algorithm.init(schema);
    }

    public byte[] encodeState(State state) {
        return algorithm.stateCodec().encode(state);
    }

    public State decodeState(byte[] bytes) {
        return algorithm.stateCodec().decode(bytes);
    }

    public State merge(State a, State b) {
        return algorithm.merge(a, b);
    }

    public State completeEpoch(State previous, State epochMerged) {
        return algorithm.completeEpoch(previous, epochMerged);
    }

    /** The epoch-end step with the epoch's validation scores, when it was scored ({@link #scoreCandidates}). */
    public State endEpoch(State global, Optional<SelectionScores> validation) {
        return validation.map(v -> algorithm.endEpoch(global, v)).orElseGet(() -> algorithm.endEpoch(global));
    }

    /** Whether no further epoch could change {@code global}: the job may finalize early. */
    public boolean converged(State global) {
        return algorithm.converged(global);
    }

    /** What the job reports of an epoch, from the state after its end and its validation scores. */
    public Map<String, Double> epochMetrics(State global, Optional<SelectionScores> validation) {
        return algorithm.epochMetrics(global, validation);
    }

    public byte[] encodeScores(SelectionScores scores) {
        return algorithm.selectionScoresCodec().encode(scores);
    }

    public SelectionScores decodeScores(byte[] bytes) {
        return algorithm.selectionScoresCodec().decode(bytes);
    }

    public Model finalizeModel(State state) {
        return algorithm.finalize(state);
    }

    /**
     * The model, choosing among the state's candidates by their validation {@code scores} when there are some
     * ({@link #scoreCandidates}); otherwise as {@link #finalizeModel(State)}.
     */
    public Model finalizeModel(State state, Optional<SelectionScores> scores) {
        return scores.map(s -> algorithm.finalize(state, algorithm.hyperParameters(), s))
                .orElseGet(() -> finalizeModel(state));
    }

    /**
     * The scores of {@code state}'s candidate models over every record of {@code validation}; empty when the
     * algorithm has no candidates in this state or there is no validation data.
     *
     * @throws io.statewise.algorithms.data.DataException on unreadable or malformed validation data
     */
    public Optional<SelectionScores> scoreCandidates(State state, List<Split> validation, DataFormat format,
                                                     DataSchema schema, long maxBadRecords) {
        Optional<SelectionScorer> scorer = validation.isEmpty() ? Optional.empty() : algorithm.selectionScorer(state);
        if (scorer.isEmpty()) return Optional.empty();
        forEachBatch(validation, format, schema, maxBadRecords, scorer.get()::add);
        return Optional.of(scorer.get().result());
    }

    /**
     * {@link #scoreCandidates(State, List, DataFormat, DataSchema, long)} with one task per split on {@code executor}:
     * a validation pass over many splits uses every thread the executor has. The splits' scores are added in split
     * order, so the result is the same whichever task finishes first. The state must not change until it completes.
     */
    public CompletableFuture<Optional<SelectionScores>> scoreCandidates(State state, List<Split> validation,
                                                                        DataFormat format, DataSchema schema,
                                                                        long maxBadRecords, Executor executor) {
        if (validation.isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
        return perSplit(validation.size(),
                i -> scoreCandidates(state, List.of(validation.get(i)), format, schema, maxBadRecords),
                (a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(a.get().plus(b.get())), executor);
    }

    /**
     * A finalize-time sweep from {@code state} ({@link Tunable}): the candidates are finalized from the state, then
     * scored on every record of {@code validation} in one pass when the sweep reads data and there is some, else on
     * the state alone. Does not modify the state.
     *
     * @throws TuneRequestException if the algorithm has nothing to tune from its state, or the request is bad
     * @throws io.statewise.algorithms.data.DataException on unreadable or malformed validation data
     */
    @SuppressWarnings("unchecked")
    public TuneResult tune(State state, TuneRequest request, List<Split> validation, DataFormat format,
                           DataSchema schema, long maxBadRecords) {
        if (!(algorithm instanceof Tunable<?> tunable)) {
            throw new TuneRequestException("parameter", algorithm.name() + " has no hyperparameter that can be tuned"
                    + " from its state");
        }
        Sweep sweep = ((Tunable<State>) tunable).sweep(state, request);
        if (sweep.readsData()) forEachBatch(validation, format, schema, maxBadRecords, sweep::add);
        return sweep.result();
    }

    /**
     * {@code task} of every split index {@code 0..splits-1} on {@code executor}, one task per split, the results
     * combined in split order (so the result is the same whichever task finishes first). {@code splits} >= 1.
     */
    private static <T> CompletableFuture<T> perSplit(int splits, IntFunction<T> task, BinaryOperator<T> combine,
                                                     Executor executor) {
        List<CompletableFuture<T>> parts = new ArrayList<>(splits);
        for (int i = 0; i < splits; i++) {
            int split = i;
            parts.add(CompletableFuture.supplyAsync(() -> task.apply(split), executor));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> parts.stream().map(CompletableFuture::join).reduce(combine).orElseThrow());
    }

    /** Reads every record of {@code splits} in mini-batches (through the cache, if any) into {@code consumer}. */
    private void forEachBatch(List<Split> splits, DataFormat format, DataSchema schema, long maxBadRecords,
                              Consumer<Batch> consumer) {
        int capacity = algorithm.schedule().miniBatchSize();
        Batch batch = format.newBatch(capacity, schema);
        for (Split split : splits) {
            try (SplitReader reader = openReader(splitCache, split, format, schema, maxBadRecords, capacity)) {
                while (reader.next(batch)) consumer.accept(batch);
            }
        }
    }

    /** Decodes a model of a registered algorithm; models need no hyperparameters to be read. */
    public static Model decodeModel(String algorithmName, byte[] bytes) {
        return Algorithms.provider(algorithmName).modelCodec().decode(bytes);
    }

    public byte[] encodeModel(Model model) {
        return algorithm.modelCodec().encode(model);
    }

    public Model decodeModel(byte[] bytes) {
        return algorithm.modelCodec().decode(bytes);
    }

    /**
     * Streams one split through {@code update}, starting from a partial seeded by {@code base}.
     *
     * @param base      the global state at the start of the epoch. Not modified.
     * @param split     the byte range to read
     * @param format    how to parse it (CSV or LibSVM)
     * @param schema    the job's schema (every record must match)
     * @param seed      randomness of this split (from job seed, epoch, split)
     * @param maxBadRecords malformed rows the job tolerates
     * @param progress  incremented by the records of each batch as it is processed. Modified.
     * @param cancelled polled between batches; when true the split is abandoned
     * @throws io.statewise.algorithms.data.DataException on unreadable or malformed data beyond the tolerance
     * @throws SplitCancelledException when {@code cancelled} turned true
     */
    public SplitOutcome trainSplit(State base, Split split, DataFormat format, DataSchema schema, long seed,
                                   long maxBadRecords, AtomicLong progress, BooleanSupplier cancelled) {
        try (SplitSession session = open(split, format, schema, maxBadRecords)) {
            SplitSession.Segment all = session.train(base, seed, 0, progress, cancelled);
            return new SplitOutcome(all.partial(), all.records(), all.badRecords());
        }
    }

    /**
     * Opens a split for training in segments (for algorithms that sync every N batches).
     *
     * @throws io.statewise.algorithms.data.DataException if the split cannot be opened
     */
    public SplitSession open(Split split, DataFormat format, DataSchema schema, long maxBadRecords) {
        return new SplitSession(algorithm, split, format, schema, maxBadRecords, splitCache);
    }

    /**
     * Opens a stream of dense records ({@link io.statewise.algorithms.data.RecordStreams}) for training in segments,
     * in mini-batches of the algorithm's size.
     *
     * @param reader the stream's reader; closed with the session
     */
    public SplitSession open(SplitReader reader, DataSchema schema) {
        return new SplitSession(algorithm, reader, new DenseBatch(algorithm.schedule().miniBatchSize(),
                schema.features()));
    }

    /** The sync policy of the epoch that starts from {@code epochBase}. */
    public SyncPolicy syncPolicy(State epochBase) {
        return algorithm.syncPolicy(epochBase);
    }

    /**
     * Metrics of {@code model} over every record of {@code splits}.
     *
     * @throws io.statewise.algorithms.data.DataException on unreadable or malformed data beyond the tolerance
     */
    public Metrics evaluate(Model model, List<Split> splits, DataFormat format, DataSchema schema,
                            long maxBadRecords) {
        return evaluateWith(algorithm.evaluator(model), splits, format, schema, maxBadRecords);
    }

    /**
     * {@link #evaluate(Model, List, DataFormat, DataSchema, long)} on {@code executor}: with one task per split when
     * the algorithm's evaluator is a {@link CombinableEvaluator} (added in split order, so the result does not depend
     * on which task finishes first), else in one task.
     */
    public CompletableFuture<Metrics> evaluate(Model model, List<Split> splits, DataFormat format, DataSchema schema,
                                               long maxBadRecords, Executor executor) {
        Evaluator first = algorithm.evaluator(model);
        if (splits.size() < 2 || !(first instanceof CombinableEvaluator)) {
            return CompletableFuture.supplyAsync(() -> evaluateWith(first, splits, format, schema, maxBadRecords),
                    executor);
        }
        return perSplit(splits.size(), i -> {
            // the evaluator made to learn its kind serves the first split
            CombinableEvaluator part = (CombinableEvaluator) (i == 0 ? first : algorithm.evaluator(model));
            forEachBatch(List.of(splits.get(i)), format, schema, maxBadRecords, part::add);
            return part;
        }, (a, b) -> {
            a.addAll(b);
            return a;
        }, executor).thenApply(Evaluator::result);
    }

    private Metrics evaluateWith(Evaluator evaluator, List<Split> splits, DataFormat format, DataSchema schema,
                                 long maxBadRecords) {
        forEachBatch(splits, format, schema, maxBadRecords, evaluator::add);
        return evaluator.result();
    }
}
