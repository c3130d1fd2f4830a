package io.statewise.algorithms.linear;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.SelectionScorer;
import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.TrainingSchedule;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.tuning.Sweep;
import io.statewise.algorithms.tuning.Tunable;
import io.statewise.algorithms.tuning.TuneRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SageMaker's linear learner (Liberty et al., "Elastic Machine Learning Algorithms in Amazon SageMaker", SIGMOD
 * 2020): linear regression, logistic regression / linear SVM and multinomial logistic regression trained by
 * mini-batch SGD, Adam or RMSProp, with <b>model packing</b> (many models with different learning rates and
 * regularization trained in the same pass: {@link PackedSetting}) and data-parallel training by parameter averaging.
 *
 * <h2>Epochs</h2>
 * {@link #schedule()} has {@code epochs + 1} epochs: the first is the <b>scaler pass</b>. Its partials (SCALING states)
 * sample {@code ceil(num_point_for_scaler / 8)} records per split ({@link #wantsMore} then turns false so the runtime
 * stops reading) and merge their feature and label moments exactly; {@link #completeEpoch} at its end turns them into
 * a fixed normalizer and the seeded initial weights (a MODEL state). Epochs 2..E+1 train.
 *
 * <h2>Training partials and the parameter-server step</h2>
 * {@link #startPartial} from a MODEL gives a live partial that trains a copy of the base's parameters on its batches
 * ({@link #update}: one step of every packed model per mini-batch, {@link PackedStep}). Its <i>contribution</i> (what
 * {@link #merge} combines and the codec encodes) is its parameter change from the base, its optimizer moments (as
 * re-estimates), its step and record counts, progressive losses, score histograms and label counts. {@link #merge}
 * averages changes and moments weighted by records; {@link #completeEpoch}{@code (global, merged)} adds the merged
 * change to the global state. The runtime calls it after every synchronization ({@link #syncPolicy()}: every
 * {@code sync_every_batches} mini-batches, and at the end of a split) as well as at epoch ends; see
 * {@link DeltaMerge} for why one worker reproduces plain mini-batch training bit for bit.
 *
 * <h2>Epoch ends</h2>
 * Early stopping, the per-epoch losses model selection reads and the last-epoch score histograms need to know where
 * an epoch ends, which neither {@code completeEpoch} (also the per-synchronization step) nor a partial can tell.
 * {@link #endEpoch} is that step: the runtime should call it once after the last {@code completeEpoch} of every epoch
 * (it is a no-op after the scaler pass). Without it training still works, but no model is early-stopped and selection
 * reads losses and histograms of all training epochs together.
 *
 * <h2>Finalize</h2>
 * {@link #finalize(LinearState, HyperParameters)} selects by the training pass (progressive losses of the last
 * epoch, and for binary classifiers the threshold tuned on that epoch's score histograms);
 * {@link #finalize(LinearState, HyperParameters, PackedScores)} selects by scores of validation data computed with
 * {@link #packedEvaluator}. The selected model's normalization is folded into its weights.
 *
 * <p>Immutable and thread-safe; all mutable data lives in {@link LinearState}s.
 */
public final class LinearLearner implements ElasticAlgorithm<LinearState, LinearModel>, Tunable<LinearState> {

    static final LinearModelCodec MODEL_CODEC = new LinearModelCodec();

    private final HyperParameters hyperParameters;
    private final LinearConfig config;
    private final PackedSetting[] settings;
    private final LinearStateCodec stateCodec;
    private final PackedScoresCodec scoresCodec;

    /**
     * An instance configured by {@code hyperParameters}.
     *
     * @param hyperParameters values parsed by {@link LinearLearnerProvider#SPEC}. Not modified.
     * @throws IllegalArgumentException if they belong to another algorithm
     * @throws InvalidHyperParameterException if values do not fit together
     */
    public LinearLearner(HyperParameters hyperParameters) {
        this.hyperParameters = hyperParameters.requireAlgorithm(LinearLearnerProvider.NAME);
        this.config = LinearConfig.from(hyperParameters);
        this.settings = PackedSetting.grid(config);
        this.stateCodec = new LinearStateCodec(config);
        this.scoresCodec = new PackedScoresCodec(config.numModels(), config.histogramBins());
    }

    /** The resolved configuration. */
    public LinearConfig config() {
        return config;
    }

    /** The packed models' settings; model 0 is the configured one. A copy. */
    public PackedSetting[] settings() {
        return settings.clone();
    }

    @Override
    public HyperParameters hyperParameters() {
        return hyperParameters;
    }

    /** {@code epochs + 1} epochs (the scaler pass, then {@code epochs} training passes) of {@code mini_batch_size}. */
    @Override
    public TrainingSchedule schedule() {
        return new TrainingSchedule(config.epochs() + 1, config.miniBatchSize());
    }

    /** Every {@code sync_every_batches} mini-batches (training epochs). */
    @Override
    public SyncPolicy syncPolicy() {
        return new SyncPolicy.EveryNBatches(config.syncEveryBatches());
    }

    /**
     * The scaler pass (a SCALING base) merges one partial per split at the end of the epoch, so that every split
     * samples from the same SCALING state; training epochs sync every {@code sync_every_batches} mini-batches.
     */
    @Override
    public SyncPolicy syncPolicy(LinearState epochBase) {
        return epochBase.kind == LinearState.Kind.SCALING ? SyncPolicy.atEnd() : syncPolicy();
    }

    /**
     * The empty SCALING state.
     *
     * @throws InvalidHyperParameterException if {@code feature_dim} is set and differs from the schema's, or the
     *                                        packed parameters would not fit in memory
     * @throws IllegalArgumentException       if the schema has no labels
     */
    @Override
    public LinearState init(DataSchema schema) {
        if (config.featureDim() != 0 && config.featureDim() != schema.features()) {
            throw new InvalidHyperParameterException("feature_dim", "is " + config.featureDim() + " but the data has "
                    + schema.features() + " features");
        }
        if (!schema.labeled()) throw new IllegalArgumentException("the linear learner trains on labeled data");
        try {
            return new LinearState(StateShape.of(config, schema.features()));
        } catch (IllegalArgumentException e) {
            throw new InvalidHyperParameterException("num_models", e.getMessage() + " (d = " + schema.features()
                    + ", num_models = " + config.numModels() + ", outputs = " + config.outputs() + ")");
        }
    }

    /**
     * A SCALING partial when {@code base} is SCALING (the scaler pass); a live training partial when it is MODEL.
     * The seed is not used: training visits records in the order the runtime delivers them, so a partial is
     * deterministic given its base and its batches.
     *
     * @throws IllegalArgumentException if {@code base} is a training partial
     */
    @Override
    public LinearState startPartial(LinearState base, long seed) {
        return switch (base.kind) {
            case SCALING -> new LinearState(base.shape);
            case MODEL -> livePartial(base);
            case DELTA -> throw new IllegalArgumentException("a partial starts from a global state, not from a"
                    + " training partial");
        };
    }

    private static LinearState livePartial(LinearState base) {
        LinearState p = new LinearState(base.shape);
        p.kind = LinearState.Kind.DELTA;
        p.shift = base.shift;
        p.scale = base.scale;
        p.labelShift = base.labelShift;
        p.labelScale = base.labelScale;
        p.positiveWeight = base.positiveWeight;
        p.baseWeights = base.weights;
        p.weights = base.weights.clone();
        p.moment1 = base.moment1.clone();
        p.moment2 = base.moment2.clone();
        p.baseSteps = base.steps;
        System.arraycopy(base.frozen, 0, p.frozen, 0, p.frozen.length);
        System.arraycopy(base.diverged, 0, p.diverged, 0, p.diverged.length);
        return p;
    }

    /**
     * Adds a mini-batch: to the scaler moments (SCALING) or as one optimizer step of every active packed model (a
     * live training partial).
     *
     * @throws IllegalArgumentException on another dimension, a label the predictor type does not accept (naming it,
     *                                  its record and the rule) or a non-finite feature
     * @throws IllegalStateException    on a global or merged training state, which cannot be trained directly
     */
    @Override
    public void update(LinearState state, Batch batch) {
        Batch.requireNumeric(batch, LinearLearnerProvider.NAME);
        if (batch.dimension() != state.shape.dimension()) {
            throw new IllegalArgumentException("batch has " + batch.dimension() + " features, the state "
                    + state.shape.dimension());
        }
        if (batch.isEmpty()) return;
        switch (state.kind) {
            case SCALING -> ScalerPass.add(state, batch, config);
            case DELTA -> {
                if (!state.isLive()) {
                    throw new IllegalStateException("a merged or decoded training partial holds only a parameter"
                            + " change and cannot be trained; start a partial from the global state");
                }
                PackedStep.apply(state, batch, config, settings);
            }
            case MODEL -> throw new IllegalStateException("the global training state is not trained directly;"
                    + " train a partial from it (startPartial)");
        }
        state.records += batch.size();
    }

    /**
     * SCALING: moments merged exactly (Chan et al.); DELTA: record-weighted averages of changes and moments
     * ({@link DeltaMerge}). A state of no record is the identity. Bit-for-bit commutative.
     *
     * @throws IllegalArgumentException on states of different shapes, a global state, or a scaler state with a
     *                                  training partial
     */
    @Override
    public LinearState merge(LinearState a, LinearState b) {
        checkShape(a, b);
        if (a.kind == LinearState.Kind.MODEL || b.kind == LinearState.Kind.MODEL) {
            throw new IllegalArgumentException("global training states do not merge; apply partials to them with"
                    + " completeEpoch");
        }
        if (b.isEmptyContribution()) return a.copy();
        if (a.isEmptyContribution()) return b.copy();
        if (a.kind != b.kind) {
            throw new IllegalArgumentException("cannot merge a " + a.kind + " state with a " + b.kind
                    + " state: they belong to different epochs");
        }
        return a.kind == LinearState.Kind.SCALING ? ScalerPass.merge(a, b) : DeltaMerge.merge(a, b);
    }

    /**
     * The global state after {@code merged}:
     * <ul>
     *   <li>after the scaler pass ({@code previous} SCALING): the moments of both become the normalizer and the
     *       initial weights (MODEL);</li>
     *   <li>during training ({@code previous} MODEL): {@code previous} plus the merged parameter change (the
     *       parameter-server step, {@link DeltaMerge#apply}); a merge of no record changes nothing. Scaler moments
     *       arriving before any training step are folded in (the normalizer and initial weights are rebuilt), so a
     *       runtime that applies each scaler partial as it arrives gets the same result as one that merges them
     *       first.</li>
     * </ul>
     * Neither argument is modified.
     *
     * @throws IllegalArgumentException on arguments of the wrong kinds or shapes
     */
    @Override
    public LinearState completeEpoch(LinearState previous, LinearState merged) {
        checkShape(previous, merged);
        if (previous.kind == LinearState.Kind.DELTA) {
            throw new IllegalArgumentException("completeEpoch applies partials to a global state, not to a partial");
        }
        if (merged.kind == LinearState.Kind.MODEL) {
            throw new IllegalArgumentException("completeEpoch applies a merge of partials, not a global state");
        }
        if (previous.kind == LinearState.Kind.SCALING) {
            if (merged.kind == LinearState.Kind.DELTA && !merged.isEmptyContribution()) {
                throw new IllegalArgumentException("training partials need a global training state; the scaler pass"
                        + " has not been completed");
            }
            LinearState moments = merged.isEmptyContribution() ? previous : merge(previous, merged);
            return ScalerPass.finish(moments, config);
        }
        if (merged.isEmptyContribution()) return previous.copy();
        if (merged.kind == LinearState.Kind.SCALING) {
            if (previous.steps != 0) {
                throw new IllegalArgumentException("scaler statistics arrived after training started");
            }
            return ScalerPass.finish(merge(momentsOf(previous), merged), config);
        }
        return DeltaMerge.apply(previous, merged);
    }

    /** The scaler moments a MODEL state was built from, as a SCALING state. */
    private static LinearState momentsOf(LinearState model) {
        LinearState s = new LinearState(model.shape);
        s.records = model.records;
        s.sampled = model.sampled;
        System.arraycopy(model.featureMean, 0, s.featureMean, 0, s.featureMean.length);
        System.arraycopy(model.featureM2, 0, s.featureM2, 0, s.featureM2.length);
        s.labelMean = model.labelMean;
        s.labelM2 = model.labelM2;
        System.arraycopy(model.labelCounts, 0, s.labelCounts, 0, s.labelCounts.length);
        return s;
    }

    /**
     * The epoch-end step, to be called once after the last {@link #completeEpoch} of every epoch: early stopping on
     * the epoch's training losses, the epoch's losses kept for selection, histograms kept until the next epoch's
     * data replaces them ({@link EpochEnd}). A copy without change for a state that saw no training record since the
     * last epoch end (after the scaler pass, or once every model is frozen). Does not modify {@code global}.
     */
    @Override
    public LinearState endEpoch(LinearState global) {
        return EpochEnd.apply(global, null, config);
    }

    /**
     * As {@link #endEpoch(LinearState)}, with early stopping on validation scores ({@link #packedEvaluator}) rather
     * than the training losses.
     *
     * @param validation scores of the same packed models. Not modified.
     */
    public LinearState endEpoch(LinearState global, PackedScores validation) {
        checkScores(global, validation);
        return EpochEnd.apply(global, validation, config);
    }

    /** As {@link #endEpoch(LinearState, PackedScores)}, for scores from {@link #selectionScorer}. */
    @Override
    public LinearState endEpoch(LinearState global, SelectionScores validation) {
        return endEpoch(global, packed(validation));
    }

    /** Training is over once every packed model is frozen by early stopping or diverged. */
    @Override
    public boolean converged(LinearState global) {
        return global.kind == LinearState.Kind.MODEL && global.epochsDone > 0 && !global.anyActive();
    }

    /**
     * After a training epoch: the lowest training loss of the epoch over the packed models that did not diverge, the
     * lowest validation loss when scored, and how many models are still trained, stopped early, or diverged. Nothing
     * after the scaler pass.
     */
    @Override
    public Map<String, Double> epochMetrics(LinearState global, Optional<SelectionScores> validation) {
        if (global.kind != LinearState.Kind.MODEL || global.epochsDone == 0) return Map.of();
        int models = global.shape.models();
        double bestTraining = Double.NaN;
        double bestValidation = Double.NaN;
        int active = 0;
        int stopped = 0;
        int diverged = 0;
        PackedScores scores = validation.map(LinearLearner::packed).orElse(null);
        for (int m = 0; m < models; m++) {
            if (global.diverged[m]) {
                diverged++;
                continue;
            }
            if (global.frozen[m]) stopped++; else active++;
            bestTraining = lower(bestTraining, global.lastLoss[m]);
            if (scores != null) bestValidation = lower(bestValidation, scores.meanLoss(m));
        }
        Map<String, Double> out = new TreeMap<>();
        if (!Double.isNaN(bestTraining)) out.put("train_loss", bestTraining);
        if (!Double.isNaN(bestValidation)) out.put("validation_loss", bestValidation);
        out.put("models_training", (double) active);
        out.put("models_stopped_early", (double) stopped);
        out.put("models_diverged", (double) diverged);
        return out;
    }

    private static double lower(double current, double candidate) {
        if (Double.isNaN(candidate)) return current;
        return Double.isNaN(current) ? candidate : Math.min(current, candidate);
    }

    @Override
    public Codec<SelectionScores> selectionScoresCodec() {
        return scoresCodec;
    }

    /**
     * Whether a partial still wants records: a scaler partial until its sample is full, a training partial while any
     * of its models is still trained.
     */
    @Override
    public boolean wantsMore(LinearState partial) {
        return switch (partial.kind) {
            case SCALING -> ScalerPass.wantsMore(partial, config);
            case DELTA -> partial.anyActive();
            case MODEL -> true;
        };
    }

    /**
     * The model, selected by the training pass. Only {@code binary_classifier_model_selection_criteria}, {@code
     * f_beta}, {@code target_recall} and {@code target_precision} of {@code finalizeParams} are read (threshold and
     * selection tuning without another pass). Before training (a SCALING state) the model is untrained: all weights 0.
     *
     * @throws IllegalArgumentException if a classifier's labels were all of one class
     * @throws IllegalStateException    if every packed model diverged, or {@code state} is a training partial
     * @throws InvalidHyperParameterException if {@code finalizeParams} changes the shape of the model
     */
    @Override
    public LinearModel finalize(LinearState state, HyperParameters finalizeParams) {
        LinearConfig cfg = finalizeConfig(finalizeParams);
        return switch (state.kind) {
            case SCALING -> ModelFolding.untrained(state, cfg, settings);
            case MODEL -> ModelFolding.model(state, cfg, settings, ModelFolding.trainingLosses(state),
                    state.running);
            case DELTA -> throw new IllegalStateException("a training partial holds a parameter change, not a model;"
                    + " finalize the global state");
        };
    }

    /**
     * The model, selected by validation scores: the lowest validation loss or, for binary classifiers, the best
     * criterion at a threshold tuned on the validation histograms.
     *
     * @param validation scores of {@code state}'s packed models from {@link #packedEvaluator}. Not modified.
     * @throws IllegalArgumentException if the scores do not fit the state or labels were all of one class
     * @throws IllegalStateException    if every packed model diverged or {@code state} is not a global training state
     */
    public LinearModel finalize(LinearState state, HyperParameters finalizeParams, PackedScores validation) {
        if (state.kind != LinearState.Kind.MODEL) {
            throw new IllegalStateException("validation-based selection needs a global training state, not "
                    + state.kind);
        }
        checkScores(state, validation);
        double[] losses = new double[validation.models()];
        for (int m = 0; m < losses.length; m++) losses[m] = validation.meanLoss(m);
        return ModelFolding.model(state, finalizeConfig(finalizeParams), settings, losses, validation);
    }

    /**
     * An accumulator of every packed model's loss (and score histograms) over validation batches, for
     * {@link #endEpoch(LinearState, PackedScores)} and {@link #finalize(LinearState, HyperParameters, PackedScores)}.
     *
     * @param global a global training state. Not modified, not retained.
     * @throws IllegalArgumentException if it is not one
     */
    public PackedEvaluator packedEvaluator(LinearState global) {
        return new PackedEvaluator(global, config);
    }

    /** The packed models' validation scorer, for a global training state (the runtime's finalize-time selection). */
    @Override
    public Optional<SelectionScorer> selectionScorer(LinearState state) {
        return state.kind == LinearState.Kind.MODEL ? Optional.of(packedEvaluator(state)) : Optional.empty();
    }

    /**
     * As {@link #finalize(LinearState, HyperParameters, PackedScores)}, for scores from {@link #selectionScorer}.
     *
     * @throws IllegalArgumentException if the scores are not this algorithm's
     */
    @Override
    public LinearModel finalize(LinearState state, HyperParameters finalizeParams, SelectionScores validation) {
        return finalize(state, finalizeParams, packed(validation));
    }

    private static PackedScores packed(SelectionScores validation) {
        if (!(validation instanceof PackedScores scores)) {
            throw new IllegalArgumentException("not a linear learner's validation scores: " + validation);
        }
        return scores;
    }

    private LinearConfig finalizeConfig(HyperParameters finalizeParams) {
        LinearConfig cfg = finalizeParams == hyperParameters ? config : LinearConfig.from(finalizeParams);
        if (cfg.predictorType() != config.predictorType() || cfg.outputs() != config.outputs()
                || cfg.numModels() != config.numModels()) {
            throw new InvalidHyperParameterException("predictor_type", "finalize may change selection parameters"
                    + " only, not the predictor type, num_classes or num_models of the trained state");
        }
        return cfg;
    }

    private static void checkScores(LinearState state, PackedScores scores) {
        if (scores.models() != state.shape.models() || scores.bins() != state.shape.bins()) {
            throw new IllegalArgumentException("scores of " + scores.models() + " models and " + scores.bins()
                    + " bins do not belong to a state of " + state.shape.models() + " models and "
                    + state.shape.bins() + " bins");
        }
    }

    private static void checkShape(LinearState a, LinearState b) {
        if (!a.shape.equals(b.shape)) {
            throw new IllegalArgumentException("states of different shapes: " + a.shape + " and " + b.shape);
        }
    }

    /** A binary classifier's selection criterion, its beta and targets: model choice and threshold at finalize. */
    @Override
    public List<String> tunableParameters() {
        return LinearSweep.TUNABLE;
    }

    /**
     * A sweep of a binary classifier's selection ({@link LinearSweep}), on validation scores when the runtime feeds
     * validation data, else on the training pass's histograms.
     */
    @Override
    public Sweep sweep(LinearState state, TuneRequest request) {
        return new LinearSweep(this, state, request);
    }

    @Override
    public LinearEvaluator evaluator(LinearModel model) {
        return new LinearEvaluator(model, config.accuracyTopK());
    }

    @Override
    public Codec<LinearState> stateCodec() {
        return stateCodec;
    }

    @Override
    public Codec<LinearModel> modelCodec() {
        return MODEL_CODEC;
    }

    @Override
    public String toString() {
        return "LinearLearner" + hyperParameters.asMap();
    }
}
