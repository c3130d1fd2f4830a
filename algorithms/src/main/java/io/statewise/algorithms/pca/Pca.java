package io.statewise.algorithms.pca;

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
 * Principal component analysis as in Amazon SageMaker (Liberty et al., "Elastic Machine Learning Algorithms in
 * Amazon SageMaker", SIGMOD 2020): one pass accumulates a fixed-size state (the count, the sum of the rows, the sum
 * of their squared norms, and a summary of {@code A^T A}); partial states of any split of the data merge; finalize
 * computes the top components of the (centered) covariance from the state alone, for any {@code num_components} up
 * to the state's capacity.
 *
 * <p>Modes ({@code algorithm_mode}):
 * <ul>
 *   <li>{@code regular}: the exact scatter matrix ({@link ExactScatter}); exact components and variances;
 *       {@code O(d^2)} state and work per record;</li>
 *   <li>{@code randomized}: SageMaker's random-sign sketch ({@link SignSketch}); exact merge; approximate components
 *       and estimated variances;</li>
 *   <li>{@code sketch}: Frequent Directions ({@link FrequentDirections}); deterministic, with a guaranteed covariance
 *       error; variances are lower bounds.</li>
 * </ul>
 *
 * <p>Variances divide by {@code n - 1} (the sample covariance, as scikit-learn), also with {@code subtract_mean}
 * false, where the "covariance" is the raw second moment {@code X^T X / (n - 1)}.
 *
 * <p>Immutable and thread-safe; all mutable data lives in {@link PcaState}s.
 */
public final class Pca implements ElasticAlgorithm<PcaState, PcaModel>, Tunable<PcaState> {

    static final PcaStateCodec STATE_CODEC = new PcaStateCodec();
    static final PcaModelCodec MODEL_CODEC = new PcaModelCodec();

    /** The largest array the JVM allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final HyperParameters hyperParameters;
    private final PcaConfig config;

    /**
     * An instance configured by {@code hyperParameters}.
     *
     * @param hyperParameters values parsed by {@link PcaProvider#SPEC}. Not modified.
     * @throws IllegalArgumentException if they belong to another algorithm
     * @throws InvalidHyperParameterException if a value is out of range
     */
    public Pca(HyperParameters hyperParameters) {
        this.hyperParameters = hyperParameters.requireAlgorithm(PcaProvider.NAME);
        this.config = PcaConfig.from(hyperParameters);
    }

    /** The resolved configuration. */
    public PcaConfig config() {
        return config;
    }

    @Override
    public HyperParameters hyperParameters() {
        return hyperParameters;
    }

    /** One pass: every mode's state is a sum (or sketch) over the records, which a second epoch would not improve. */
    @Override
    public TrainingSchedule schedule() {
        return new TrainingSchedule(1, config.miniBatchSize());
    }

    @Override
    public SyncPolicy syncPolicy() {
        return SyncPolicy.atEnd();
    }

    /**
     * An empty state for {@code schema}'s features.
     *
     * @throws InvalidHyperParameterException ({@code num_components}) if it exceeds the number of features;
     *         ({@code algorithm_mode}) if regular mode's {@code d x d} matrices would not fit in this JVM;
     *         ({@code extra_components}) if a sketch would not
     */
    @Override
    public PcaState init(DataSchema schema) {
        int d = schema.features();
        int k = config.numComponents();
        if (k > d) {
            throw new InvalidHyperParameterException("num_components", "is " + k + " but the data has only " + d
                    + " features; use num_components <= " + d);
        }
        int rows = config.sketchRows(d);
        long maxHeap = Runtime.getRuntime().maxMemory();
        CovarianceSummary summary = switch (config.mode()) {
            case REGULAR -> {
                checkRegularFits(d, maxHeap);
                yield new ExactScatter(d);
            }
            case RANDOMIZED -> {
                checkSketchFits("randomized", (long) rows * d, (long) rows * d + (long) SignSketch.CHUNK * (d + rows),
                        maxHeap);
                yield new SignSketch(rows, d, SignSketch.mix(config.seed()));
            }
            case SKETCH -> {
                checkSketchFits("sketch", 2L * rows * d, 3L * rows * d, maxHeap);
                yield new FrequentDirections(rows, d);
            }
        };
        return new PcaState(config.mode(), d, summary);
    }

    /**
     * Refuses a regular-mode {@code d} whose matrices would not fit: the state holds {@code d(d+1)/2} doubles and
     * finalize needs about four dense {@code d x d} double matrices (the covariance, EJML's tridiagonal work copy,
     * its orthogonal factor and the eigenvectors); together they must fit in half the maximum heap.
     */
    private static void checkRegularFits(int d, long maxHeap) {
        long packed = ExactScatter.packedLength(d);
        long bytes = 8 * (packed + 4L * d * d);
        if (packed > MAX_ARRAY || bytes > maxHeap / 2) {
            throw new InvalidHyperParameterException("algorithm_mode", "regular mode needs " + megabytes(bytes)
                    + " MB for d = " + d + " (the d(d+1)/2 scatter matrix and d x d matrices at finalize); more than "
                    + "this JVM can hold (max heap " + megabytes(maxHeap) + " MB); use algorithm_mode=sketch");
        }
    }

    /** Refuses a sketch of {@code cells} doubles in one array, {@code doubles} in all, beyond a quarter of the heap. */
    private void checkSketchFits(String mode, long cells, long doubles, long maxHeap) {
        long bytes = 8 * doubles;
        if (cells > MAX_ARRAY || bytes > maxHeap / 4) {
            throw new InvalidHyperParameterException("extra_components", mode + " mode needs " + megabytes(bytes)
                    + " MB for num_components + extra_components = "
                    + (config.numComponents() + config.extraComponents()) + " sketch rows; more than this JVM can "
                    + "hold (max heap " + megabytes(maxHeap) + " MB); use fewer components");
        }
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** An empty state of {@code base}'s shape; randomized mode derives the partial's signs from {@code seed}. */
    @Override
    public PcaState startPartial(PcaState base, long seed) {
        return new PcaState(base.mode(), base.dimension(), base.summary.emptyLike(seed));
    }

    /**
     * Adds one mini-batch, dense or sparse (sparse rows are summed over their non-zeros; see each mode's summary).
     *
     * @throws IllegalArgumentException if the batch's dimension differs from the state's
     */
    @Override
    public void update(PcaState state, Batch batch) {
        Batch.requireNumeric(batch, PcaProvider.NAME);
        if (batch.dimension() != state.dimension()) {
            throw new IllegalArgumentException("batch has " + batch.dimension() + " features, the state "
                    + state.dimension());
        }
        if (batch.isEmpty()) return;
        if (batch instanceof DenseBatch dense) {
            state.addDense(dense.features(), dense.size());
        } else {
            state.addSparse((SparseBatch) batch);
        }
    }

    /**
     * A new state of the records of both: sums add; the summaries merge (exact sums in regular and randomized mode,
     * Frequent Directions' mergeable shrink in sketch mode).
     *
     * @throws IllegalArgumentException if the states differ in mode, dimension or sketch rows
     */
    @Override
    public PcaState merge(PcaState a, PcaState b) {
        if (a.mode() != b.mode() || a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("cannot merge " + a + " with " + b);
        }
        PcaState out = new PcaState(a.mode(), a.dimension(), a.summary.merge(b.summary));
        for (int j = 0; j < a.dimension(); j++) out.sum[j] = a.sum[j] + b.sum[j];
        out.sumSquares = a.sumSquares + b.sumSquares;
        out.records = a.records + b.records;
        return out;
    }

    /** The merge of both: PCA states are sums over disjoint data. */
    @Override
    public PcaState completeEpoch(PcaState previous, PcaState epochMerged) {
        return merge(previous, epochMerged);
    }

    /**
     * The model of {@code num_components} components from {@code state}, centered if {@code subtract_mean} (both
     * from {@code finalizeParams}; the other values are ignored). Deterministic; the state is not modified.
     *
     * @throws InvalidHyperParameterException ({@code num_components}) if it exceeds the state's capacity;
     *         ({@code algorithm_mode}) if it names another mode than the state's
     */
    @Override
    public PcaModel finalize(PcaState state, HyperParameters finalizeParams) {
        PcaConfig cfg = PcaConfig.from(finalizeParams);
        if (cfg.mode() != state.mode()) {
            throw new InvalidHyperParameterException("algorithm_mode", "is " + cfg.mode().parameterValue()
                    + " but the state was built in " + state.mode().parameterValue() + " mode");
        }
        int k = cfg.numComponents();
        int capacity = state.capacity();
        if (k > capacity) {
            throw new InvalidHyperParameterException("num_components", "is " + k + " but the "
                    + state.mode().parameterValue() + "-mode state holds at most " + capacity + " components (d = "
                    + state.dimension() + "); use num_components <= " + capacity);
        }
        long n = state.records;
        boolean center = cfg.subtractMean() && n > 0;
        Spectrum spectrum = state.summary.spectrum(n, state.sum, state.sumSquares, cfg.subtractMean(), k);
        int d = state.dimension();
        double denominator = n > 1 ? n - 1 : 1;
        double total = Math.max(spectrum.totalScatter(), 0) / denominator;
        double[] variance = new double[k];
        double[] ratio = new double[k];
        float[][] components = new float[k][d];
        for (int i = 0; i < k; i++) {
            variance[i] = Math.max(spectrum.scatter()[i], 0) / denominator;
            ratio[i] = total > 0 ? variance[i] / total : 0;
            for (int j = 0; j < d; j++) components[i][j] = (float) spectrum.components()[i * d + j];
        }
        float[] mean = new float[d];
        if (center) {
            for (int j = 0; j < d; j++) mean[j] = (float) (state.sum[j] / n);
        }
        return new PcaModel(components, variance, ratio, mean, state.mode().parameterValue());
    }

    /** {@code num_components}: every count up to the state's capacity is a finalize of the same state. */
    @Override
    public List<String> tunableParameters() {
        return List.of("num_components");
    }

    /** A sweep of {@code num_components} scored by explained variance ({@link PcaSweep}); reads no data. */
    @Override
    public Sweep sweep(PcaState state, TuneRequest request) {
        return new PcaSweep(this, state, request);
    }

    @Override
    public PcaEvaluator evaluator(PcaModel model) {
        return new PcaEvaluator(model);
    }

    @Override
    public Codec<PcaState> stateCodec() {
        return STATE_CODEC;
    }

    @Override
    public Codec<PcaModel> modelCodec() {
        return MODEL_CODEC;
    }

    @Override
    public String toString() {
        return "Pca" + hyperParameters.asMap();
    }
}
