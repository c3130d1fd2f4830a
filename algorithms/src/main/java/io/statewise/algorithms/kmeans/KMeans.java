package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.TrainingSchedule;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.tuning.Sweep;
import io.statewise.algorithms.tuning.Tunable;
import io.statewise.algorithms.tuning.TuneRequest;
import java.util.List;

/**
 * Streaming k-means as in Amazon SageMaker (Liberty et al., "Elastic Machine Learning Algorithms in Amazon
 * SageMaker", SIGMOD 2020): a single pass keeps {@code K = k * extra_center_factor} weighted centers
 * updated by mini-batches (Sculley, "Web-scale k-means clustering", WWW 2010); partial states of any split of the
 * data merge by clustering the union of their centers; finalize reduces the {@code K} weighted centers to {@code k}
 * (or any {@code k' <= K}) by several trials of weighted k-means++ seeding, Lloyd and Hartigan moves.
 *
 * <p>Why more centers than {@code k}: a streaming pass cannot revisit a record, so early mistakes (two centers in
 * one true cluster, one center between two) cannot be undone; with about ten times more centers every true cluster
 * gets several, and the final clustering of the small weighted summary is done offline with as many restarts as
 * wanted. Each weighted center is the mean of the records it absorbed, so the cost of any {@code k} centers on the
 * data is at most their weighted cost on the summary plus the spread the summary discards (a constant): a good
 * clustering of the summary is a good clustering of the data.
 *
 * <p>Epochs after the first start each partial from the previous epoch's centers with zero weight, so it re-estimates
 * each center as the mean of the records it attracts in this pass (an online Lloyd step) and holds no contribution of
 * the base; {@link #completeEpoch} keeps the default (the epoch's merge replaces the previous state).
 *
 * <p>Immutable and thread-safe; all mutable data lives in {@link KMeansState}s.
 */
public final class KMeans implements ElasticAlgorithm<KMeansState, KMeansModel>, Tunable<KMeansState> {

    static final KMeansStateCodec STATE_CODEC = new KMeansStateCodec();
    static final KMeansModelCodec MODEL_CODEC = new KMeansModelCodec();

    private final HyperParameters hyperParameters;
    private final KMeansConfig config;

    /**
     * An instance configured by {@code hyperParameters}.
     *
     * @param hyperParameters values parsed by {@link KMeansProvider#SPEC}. Not modified.
     * @throws IllegalArgumentException if they belong to another algorithm
     * @throws InvalidHyperParameterException if a value is out of range
     */
    public KMeans(HyperParameters hyperParameters) {
        this.hyperParameters = hyperParameters.requireAlgorithm(KMeansProvider.NAME);
        this.config = KMeansConfig.from(hyperParameters);
    }

    /** The resolved configuration. */
    public KMeansConfig config() {
        return config;
    }

    @Override
    public HyperParameters hyperParameters() {
        return hyperParameters;
    }

    @Override
    public TrainingSchedule schedule() {
        return new TrainingSchedule(config.epochs(), config.miniBatchSize());
    }

    @Override
    public SyncPolicy syncPolicy() {
        return SyncPolicy.atEnd();
    }

    /**
     * An empty state of {@code K} center slots.
     *
     * @throws InvalidHyperParameterException if {@code K x d} centers do not fit in one array
     */
    @Override
    public KMeansState init(DataSchema schema) {
        int capacity = config.stateCenters();
        if ((long) capacity * schema.features() > Integer.MAX_VALUE - 8) {
            throw new InvalidHyperParameterException("extra_center_factor", "k * extra_center_factor = "
                    + capacity + " centers of " + schema.features() + " features do not fit in memory");
        }
        return new KMeansState(capacity, schema.features(), SplitMix64.mix(config.seed()));
    }

    /**
     * An empty partial when {@code base} has no center yet (first epoch); otherwise a partial holding copies of
     * {@code base}'s weighted centers with weight 0, which its split re-estimates.
     */
    @Override
    public KMeansState startPartial(KMeansState base, long seed) {
        KMeansState partial = new KMeansState(base.capacity(), base.dimension(), seed);
        int d = base.dimension();
        for (int j = 0; j < base.filled; j++) {
            if (base.weights[j] > 0) {
                System.arraycopy(base.centers, j * d, partial.centers, partial.filled * d, d);
                partial.filled++;
            }
        }
        return partial;
    }

    /**
     * Fills free center slots from the batch ({@code init_method}) while fewer than {@code K} exist, then applies
     * one mini-batch update with the decay of {@code half_life_time_size}. Sparse batches are processed without
     * densifying records (only records chosen as initial centers are); the dense and sparse forms of the same data give
     * the same state up to near-ties (see {@link MiniBatchStep}).
     *
     * @throws IllegalArgumentException if the batch's dimension differs from the state's
     */
    @Override
    public void update(KMeansState state, Batch input) {
        Batch.requireNumeric(input, KMeansProvider.NAME);
        if (input.dimension() != state.dimension()) {
            throw new IllegalArgumentException("batch has " + input.dimension() + " features, the state "
                    + state.dimension());
        }
        if (input.isEmpty()) return;
        double decay = config.decay(input.size());
        if (input instanceof DenseBatch batch) {
            if (state.filled < state.capacity()) StreamingSeeding.fill(state, batch, config.initMethod());
            MiniBatchStep.apply(state, batch, decay);
        } else {
            SparseBatch batch = (SparseBatch) input;
            if (state.filled < state.capacity()) StreamingSeeding.fill(state, batch, config.initMethod());
            MiniBatchStep.apply(state, batch, decay);
        }
    }

    /**
     * The union of both states' weighted centers, reduced to {@code K} by weighted k-means if larger; see
     * {@link StateMerge} for the exact commutativity and the approximate associativity.
     *
     * @throws IllegalArgumentException if the states differ in capacity or dimension
     */
    @Override
    public KMeansState merge(KMeansState a, KMeansState b) {
        return StateMerge.merge(a, b);
    }

    /**
     * Clusters the state's weighted centers into {@code k} (from {@code finalizeParams}): {@code
     * local_lloyd_num_trials} trials of seeding ({@code local_lloyd_init_method}; k-means++ is the greedy variant)
     * and weighted Lloyd ({@code local_lloyd_max_iter}, {@code local_lloyd_tol}) refined by Hartigan moves; the
     * lowest weighted SSD wins. Only {@code k}, the {@code local_lloyd_*} parameters and {@code seed} of
     * {@code finalizeParams} are used. Deterministic given {@code seed}; the state is not modified.
     *
     * @throws InvalidHyperParameterException ("k") if {@code k} exceeds the state's weighted centers
     */
    @Override
    public KMeansModel finalize(KMeansState state, HyperParameters finalizeParams) {
        KMeansConfig cfg = KMeansConfig.from(finalizeParams);
        int n = state.weightedCenters();
        int k = cfg.k();
        if (k > n) {
            throw new InvalidHyperParameterException("k", "is " + k + " but the state has only " + n
                    + " weighted centers (" + state.records() + " records seen, capacity " + state.capacity()
                    + "); use k <= " + n);
        }
        int d = state.dimension();
        double[] points = new double[n * d];
        double[] weights = new double[n];
        int i = 0;
        for (int j = 0; j < state.filled; j++) {
            if (state.weights[j] > 0) {
                System.arraycopy(state.centers, j * d, points, i * d, d);
                weights[i++] = state.weights[j];
            }
        }
        WeightedClustering.Result r = WeightedClustering.best(points, weights, n, d, k, cfg.localLloydNumTrials(),
                cfg.localLloydInitMethod(), cfg.localLloydMaxIter(), cfg.localLloydTol(), cfg.seed());
        return KMeansModel.ofRowMajor(r.centers(), k, d);
    }

    /** {@code k}: every {@code k <= K} is a finalize of the same state. */
    @Override
    public List<String> tunableParameters() {
        return List.of("k");
    }

    /**
     * A sweep of {@code k} ({@link KMeansSweep}): choice {@code elbow} (default) of the MSD curve or highest
     * {@code silhouette}, on validation data when the runtime feeds it, else on the state's weighted centers.
     */
    @Override
    public Sweep sweep(KMeansState state, TuneRequest request) {
        return new KMeansSweep(this, state, request);
    }

    @Override
    public KMeansEvaluator evaluator(KMeansModel model) {
        return new KMeansEvaluator(model, config.evalMetrics());
    }

    @Override
    public Codec<KMeansState> stateCodec() {
        return STATE_CODEC;
    }

    @Override
    public Codec<KMeansModel> modelCodec() {
        return MODEL_CODEC;
    }

    @Override
    public String toString() {
        return "KMeans" + hyperParameters.asMap();
    }
}
