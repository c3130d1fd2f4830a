package io.statewise.algorithms.ntm;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.TrainingSchedule;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import java.util.Arrays;

/**
 * SageMaker's Neural Topic Model: a variational autoencoder over bags of words of the NVDM/ProdLDA family (Miao et
 * al., ICML 2016; Srivastava and Sutton, "Autoencoding Variational Inference for Topic Models", ICLR 2017). An
 * encoder MLP maps a document's word counts to a Gaussian posterior over topic logits {@code z}; {@code theta =
 * softmax(z)} are its topic proportions; the decoder's word distribution is {@code softmax(theta B + b)} (optionally
 * batch-normalized); the prior is the logistic-normal Laplace approximation of a Dirichlet(1)
 * ({@link LogisticNormalPrior}); training minimizes the negative ELBO, reconstruction plus KL, with one
 * reparameterized sample per document ({@link NtmObjective}).
 *
 * <h2>States and synchronization</h2>
 * {@link #init} gives the GLOBAL state with seeded initial parameters. {@link #startPartial} starts a PARTIAL that
 * trains a copy of its base's parameters ({@link TrainingStep}: one optimizer step per mini-batch, documents without
 * words skipped and counted, {@code sub_sample} drawn from the partial's seeded generator). Workers sync every
 * {@code sync_every_batches} mini-batches ({@link #syncPolicy()}); {@link #merge} averages partials weighted by their
 * documents and {@link #completeEpoch} adds the merged change to the global parameters ({@link ParameterAveraging}).
 * {@link #endEpoch} does early stopping; {@link #wantsMore} then turns false.
 *
 * <h2>Finalize</h2>
 * The model is the encoder and the decoder with batch norm folded in, from the state's current parameters (a
 * partial's too: it stands for the model it has trained). Immutable and thread-safe; all mutable data lives in
 * {@link NtmState}s.
 */
public final class Ntm implements ElasticAlgorithm<NtmState, NtmModel> {

    private final HyperParameters hyperParameters;
    private final NtmConfig config;
    private final NtmShape shape;
    private final NtmNetwork network;
    private final TrainingStep step;
    private final NtmStateCodec stateCodec;

    /**
     * An instance configured by {@code hyperParameters}.
     *
     * @param hyperParameters values parsed by {@link NtmProvider#SPEC}. Not modified.
     * @throws IllegalArgumentException if they belong to another algorithm
     * @throws InvalidHyperParameterException if values do not fit together
     */
    public Ntm(HyperParameters hyperParameters) {
        if (!NtmProvider.NAME.equals(hyperParameters.spec().algorithm())) {
            throw new IllegalArgumentException("hyperparameters of " + hyperParameters.spec().algorithm() + ", not "
                    + NtmProvider.NAME);
        }
        this.hyperParameters = hyperParameters;
        this.config = NtmConfig.from(hyperParameters);
        this.shape = config.shape();
        this.network = shape.network(config.activation());
        this.step = new TrainingStep(network, config);
        this.stateCodec = new NtmStateCodec(shape);
    }

    public NtmConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NtmProvider.NAME;
    }

    @Override
    public HyperParameters hyperParameters() {
        return hyperParameters;
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
     * @throws InvalidHyperParameterException if the data's feature dimension is not {@code feature_dim}
     */
    @Override
    public NtmState init(DataSchema schema) {
        if (schema.features() != config.featureDim()) {
            throw new InvalidHyperParameterException("feature_dim", "is " + config.featureDim() + " but the data has "
                    + schema.features() + " features (words)");
        }
        float[][] moments = new float[shape.slots()][network.layout.trainableSize()];
        return new NtmState(shape, NtmState.Kind.GLOBAL, network.initialParameters(config.seed()), null, moments);
    }

    /**
     * A PARTIAL that trains from {@code base}'s parameters (a partial's current ones if {@code base} is a partial),
     * continuing its optimizer moments, with a generator seeded by {@code seed} and the configured seed.
     */
    @Override
    public NtmState startPartial(NtmState base, long seed) {
        checkShape(base);
        float[] from = base.kind == NtmState.Kind.GLOBAL ? base.params : base.params.clone();
        float[][] moments = new float[base.moments.length][];
        for (int s = 0; s < moments.length; s++) moments[s] = base.moments[s].clone();
        NtmState p = new NtmState(shape, NtmState.Kind.PARTIAL, from.clone(), from, moments);
        p.baseSteps = base.totalSteps();
        p.random = seed * 0x9E3779B97F4A7C15L + config.seed();
        p.copyBookkeepingFrom(base);
        return p;
    }

    /**
     * Trains a partial on one mini-batch of bags of words (sparse, or dense counts); labels are ignored.
     *
     * @throws IllegalArgumentException on another feature dimension, or a negative or non-finite count
     * @throws IllegalStateException    on a global state, which is not trained directly
     */
    @Override
    public void update(NtmState state, Batch batch) {
        checkShape(state);
        if (batch.dimension() != shape.vocabulary()) {
            throw new IllegalArgumentException("batch has " + batch.dimension() + " features, the model "
                    + shape.vocabulary() + " words (feature_dim)");
        }
        if (state.kind == NtmState.Kind.GLOBAL) {
            throw new IllegalStateException("the global state is not trained directly; train a partial from it"
                    + " (startPartial)");
        }
        if (!batch.isEmpty()) step.apply(state, batch);
    }

    /**
     * The document-weighted average of two partials ({@link ParameterAveraging#merge}); a state of no record is the
     * identity.
     *
     * @throws IllegalArgumentException on a global state with records, or states of other shapes
     */
    @Override
    public NtmState merge(NtmState a, NtmState b) {
        checkShape(a);
        checkShape(b);
        if (b.records == 0) return a.copy();
        if (a.records == 0) return b.copy();
        if (a.kind == NtmState.Kind.GLOBAL || b.kind == NtmState.Kind.GLOBAL) {
            throw new IllegalArgumentException("global states do not merge; apply partials to them with"
                    + " completeEpoch");
        }
        return ParameterAveraging.merge(a, b);
    }

    /**
     * The global state after the parameter-server step: {@code previous} (its current parameters, if a partial)
     * plus the change of {@code merged}. A merge of no record changes nothing.
     */
    @Override
    public NtmState completeEpoch(NtmState previous, NtmState merged) {
        checkShape(previous);
        checkShape(merged);
        if (merged.records == 0) return previous.copy();
        if (merged.kind == NtmState.Kind.GLOBAL) {
            throw new IllegalArgumentException("completeEpoch applies a merge of partials, not a global state");
        }
        return ParameterAveraging.apply(previous, merged);
    }

    /** Early stopping on the epoch's training loss ({@link EarlyStopping}). Does not modify {@code global}. */
    @Override
    public NtmState endEpoch(NtmState global) {
        checkShape(global);
        return EarlyStopping.endEpoch(global, config);
    }

    /** False once early stopping ended training. */
    @Override
    public boolean wantsMore(NtmState partial) {
        return !partial.stopped;
    }

    /** The model of the state's current parameters; {@code finalizeParams} change nothing. */
    @Override
    public NtmModel finalize(NtmState state, HyperParameters finalizeParams) {
        checkShape(state);
        float[] encoder = Arrays.copyOf(state.params, network.encoderSize);
        float[][] folded = network.decoder.fold(state.params);
        float[][] topicWord = Arrays.copyOf(folded, shape.topics());
        return new NtmModel(shape.vocabulary(), shape.topics(), shape.hidden(), config.activation(), encoder,
                topicWord, folded[shape.topics()]);
    }

    @Override
    public NtmEvaluator evaluator(NtmModel model) {
        return new NtmEvaluator(model);
    }

    @Override
    public Codec<NtmState> stateCodec() {
        return stateCodec;
    }

    @Override
    public Codec<NtmModel> modelCodec() {
        return NtmProvider.MODEL_CODEC;
    }

    private void checkShape(NtmState s) {
        if (!s.shape.equals(shape)) {
            throw new IllegalArgumentException("a state of " + s.shape + " does not belong to this NTM (" + shape
                    + ")");
        }
    }

    @Override
    public String toString() {
        return "Ntm" + hyperParameters.asMap();
    }
}
