package io.statewise.algorithms.deepar;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.SelectionScorer;
import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.TrainingSchedule;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.InputKind;
import io.statewise.algorithms.data.SeriesBatch;
import io.statewise.algorithms.nn.GaussianSampler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * SageMaker's DeepAR (Salinas, Flunkert, Gasthaus and Januschowski, "DeepAR: Probabilistic forecasting with
 * autoregressive recurrent networks", IJF 2020): one global autoregressive LSTM trained over many related series,
 * forecasting by sampling.
 *
 * <h2>Model</h2>
 * {@link DeepArNetwork}: lagged values and calendar features from {@code time_freq} ({@link TimeFrequency}), dynamic
 * features, categorical embeddings and the log of the series' scale enter {@code num_layers} LSTMs of
 * {@code num_cells} cells ({@link io.statewise.algorithms.nn.Lstm}); a dense head gives the parameters of the
 * {@code likelihood} ({@link Likelihood}) of each step. Values are mean-scaled per window (by the mean absolute value
 * of its context), so one network serves series of any magnitude.
 *
 * <h2>Training</h2>
 * Each mini-batch of series yields, {@code windows_per_series} times, one random window of
 * {@code context_length + prediction_length} steps per series ({@link WindowLoader}); the mean negative
 * log-likelihood of the window's observed values (teacher forcing) drives one Adam step ({@link TrainingStep}), with
 * gradients through time derived by hand ({@link DeepArObjective}). Series are never split across workers (the
 * series formats plan whole series per split). States are GLOBAL or PARTIAL as the NTM's: a partial trains a copy of
 * its base's parameters, partials merge by window-weighted parameter averaging and the job adds the merged change
 * ({@link ParameterAveraging}) every {@code sync_every_batches} mini-batches. {@link #endEpoch} records the epoch's
 * loss and stops early after {@code early_stopping_patience} epochs without a lower validation loss (training loss
 * without validation data).
 *
 * <h2>Forecasts and evaluation</h2>
 * The model ({@link DeepArModel}) draws {@code num_eval_samples} paths by ancestral sampling ({@link Forecaster})
 * and reports the mean and {@code test_quantiles} per step; {@link DeepArEvaluator} scores test series against a
 * seasonal-naive baseline. Immutable and thread-safe; all mutable data lives in {@link DeepArState}s.
 */
public final class DeepAr implements ElasticAlgorithm<DeepArState, DeepArModel> {

    private final HyperParameters hyperParameters;
    private final DeepArConfig config;
    private final DeepArShape shape;
    private final DeepArNetwork network;
    private final TrainingStep step;
    private final SeriesChecks checks;
    private final DeepArStateCodec stateCodec;

    /**
     * An instance configured by {@code hyperParameters}.
     *
     * @param hyperParameters values parsed by {@link DeepArProvider#SPEC}
     * @throws IllegalArgumentException if they belong to another algorithm
     * @throws io.statewise.algorithms.InvalidHyperParameterException if values do not fit together
     */
    public DeepAr(HyperParameters hyperParameters) {
        this.hyperParameters = hyperParameters.requireAlgorithm(DeepArProvider.NAME);
        this.config = DeepArConfig.from(hyperParameters);
        this.shape = config.shape();
        this.network = shape.network();
        this.step = new TrainingStep(network, config);
        this.checks = new SeriesChecks(shape, config.ignoreCat(), config.ignoreDynamic());
        this.stateCodec = new DeepArStateCodec(shape);
    }

    public DeepArConfig config() {
        return config;
    }

    @Override
    public HyperParameters hyperParameters() {
        return hyperParameters;
    }

    /** Whole time series. */
    @Override
    public Set<InputKind> inputKinds() {
        return Set.of(InputKind.SERIES);
    }

    @Override
    public TrainingSchedule schedule() {
        return new TrainingSchedule(config.epochs(), config.miniBatchSize());
    }

    /** Every {@code sync_every_batches} mini-batches. */
    @Override
    public SyncPolicy syncPolicy() {
        return new SyncPolicy.EveryNBatches(config.syncEveryBatches());
    }

    /**
     * The GLOBAL state with the initial parameters of {@code seed}.
     *
     * @throws IllegalArgumentException if the schema is not that of series
     */
    @Override
    public DeepArState init(DataSchema schema) {
        if (!schema.series()) {
            throw new IllegalArgumentException("deepar reads time series (formats jsonlines or series_csv), not "
                    + schema.kind() + " data");
        }
        float[] params = network.initialParameters(config.seed());
        float[][] moments = new float[shape.slots()][params.length];
        return new DeepArState(shape, DeepArState.Kind.GLOBAL, params, null, moments);
    }

    /**
     * A PARTIAL that trains from {@code base}'s parameters, continuing its moments, with a generator from
     * {@code seed} and the configured seed (hashed: the generator's sequences of adjacent states overlap, and callers
     * may pass adjacent seeds).
     */
    @Override
    public DeepArState startPartial(DeepArState base, long seed) {
        checkShape(base);
        float[][] moments = new float[base.moments.length][];
        for (int s = 0; s < moments.length; s++) moments[s] = base.moments[s].clone();
        float[] from = base.kind == DeepArState.Kind.GLOBAL ? base.params : base.params.clone();
        DeepArState p = new DeepArState(shape, DeepArState.Kind.PARTIAL, from.clone(), from, moments);
        p.baseSteps = base.totalSteps();
        p.random = new GaussianSampler(seed ^ config.seed() * 0xD1B54A32D192ED03L)
                .nextLong(); // adjacent seeds, far apart
        p.copyBookkeepingFrom(base);
        return p;
    }

    /**
     * Trains a partial on one mini-batch of series.
     *
     * @throws IllegalArgumentException on a batch that does not hold series
     * @throws IllegalStateException    on a global state
     * @throws io.statewise.algorithms.data.DataException naming a series that does not fit the configuration
     */
    @Override
    public void update(DeepArState state, Batch batch) {
        checkShape(state);
        if (!(batch instanceof SeriesBatch series)) {
            throw new IllegalArgumentException("deepar reads time series (jsonlines or series_csv), not "
                    + batch.getClass().getSimpleName());
        }
        if (state.kind == DeepArState.Kind.GLOBAL) {
            throw new IllegalStateException("the global state is not trained directly; train a partial from it"
                    + " (startPartial)");
        }
        checks.check(series, SeriesChecks.Use.TRAIN);
        step.apply(state, series);
    }

    /**
     * The window-weighted average of two partials; a state of no record is the identity.
     *
     * @throws IllegalArgumentException on a global state with records or states of another configuration
     */
    @Override
    public DeepArState merge(DeepArState a, DeepArState b) {
        checkShape(a);
        checkShape(b);
        if (b.records() == 0) return a.copy();
        if (a.records() == 0) return b.copy();
        if (a.kind == DeepArState.Kind.GLOBAL || b.kind == DeepArState.Kind.GLOBAL) {
            throw new IllegalArgumentException("global states do not merge; apply partials with completeEpoch");
        }
        return ParameterAveraging.merge(a, b);
    }

    /** The parameter-server step: {@code previous} plus the change of {@code merged}; no record changes nothing. */
    @Override
    public DeepArState completeEpoch(DeepArState previous, DeepArState merged) {
        checkShape(previous);
        checkShape(merged);
        if (merged.records() == 0) return previous.copy();
        if (merged.kind == DeepArState.Kind.GLOBAL) {
            throw new IllegalArgumentException("completeEpoch applies a merge of partials, not a global state");
        }
        return ParameterAveraging.apply(previous, merged);
    }

    /** Early stopping on the epoch's training loss. Does not modify {@code global}. */
    @Override
    public DeepArState endEpoch(DeepArState global) {
        checkShape(global);
        return EarlyStopping.endEpoch(global, config, Double.NaN);
    }

    /** Early stopping on the validation loss of the epoch's model. Does not modify {@code global}. */
    @Override
    public DeepArState endEpoch(DeepArState global, SelectionScores validation) {
        checkShape(global);
        return EarlyStopping.endEpoch(global, config, scores(validation).meanLoss());
    }

    /** Stopped early, or {@code epochs} epochs done. */
    @Override
    public boolean converged(DeepArState global) {
        return global.stopped() || global.epochsDone() >= config.epochs();
    }

    @Override
    public boolean wantsMore(DeepArState partial) {
        return !converged(partial);
    }

    /**
     * {@code train_loss} (negative log-likelihood per observed value), {@code validation_loss} when scored, the series
     * and windows trained on, the skipped batches and whether training stopped early.
     */
    @Override
    public Map<String, Double> epochMetrics(DeepArState global, Optional<SelectionScores> validation) {
        Map<String, Double> out = new TreeMap<>();
        if (global.epochsDone() == 0) return out;
        out.put("train_loss", global.lastEpochLoss());
        validation.map(DeepAr::scores).ifPresent(s -> out.put("validation_loss", s.meanLoss()));
        out.put("series", (double) global.records);
        out.put("windows", (double) global.windows);
        out.put("skipped_batches", (double) global.skippedBatches);
        out.put("stopped_early", global.stopped() ? 1.0 : 0.0);
        return out;
    }

    /** A scorer of the state's parameters on validation series. */
    @Override
    public Optional<SelectionScorer> selectionScorer(DeepArState state) {
        checkShape(state);
        return Optional.of(new DeepArScorer(network, state.params, checks));
    }

    @Override
    public Codec<SelectionScores> selectionScoresCodec() {
        return new DeepArScoresCodec();
    }

    static DeepArScores scores(SelectionScores validation) {
        if (!(validation instanceof DeepArScores scores)) {
            throw new IllegalArgumentException("not DeepAR's validation scores: " + validation);
        }
        return scores;
    }

    /**
     * The model of the parameters of the state's best epoch so far (its current parameters before the first epoch
     * end); {@code finalizeParams} may change the sampling settings
     * ({@code num_eval_samples}, {@code test_quantiles}, {@code seed}) and nothing else that matters.
     */
    @Override
    public DeepArModel finalize(DeepArState state, HyperParameters finalizeParams) {
        checkShape(state);
        DeepArConfig c = DeepArConfig.from(finalizeParams);
        return new DeepArModel(config.timeFreq().toString(), shape.contextLength(), shape.predictionLength(),
                shape.likelihood().name(), shape.numLayers(), shape.numCells(), shape.embeddingDimension(),
                shape.cardinality(), config.ignoreCat(), shape.numDynamicFeat(), config.ignoreDynamic(),
                c.numEvalSamples(), c.testQuantiles(), c.seed(), state.modelParameters());
    }

    @Override
    public DeepArEvaluator evaluator(DeepArModel model) {
        return new DeepArEvaluator(model);
    }

    @Override
    public Codec<DeepArState> stateCodec() {
        return stateCodec;
    }

    @Override
    public Codec<DeepArModel> modelCodec() {
        return DeepArProvider.MODEL_CODEC;
    }

    private void checkShape(DeepArState s) {
        if (!shape.equals(s.shape)) {
            throw new IllegalArgumentException("a state of " + s.shape + " does not belong to this DeepAR (" + shape
                    + ")");
        }
    }

    @Override
    public String toString() {
        return "DeepAr" + hyperParameters.asMap();
    }
}
