package io.statewise.algorithms.ntm;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.SelectionScorer;
import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.TrainingSchedule;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataException;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.InputKind;
import io.statewise.algorithms.data.SplitBalance;
import io.statewise.algorithms.data.TextBatch;
import io.statewise.algorithms.text.VocabFile;
import io.statewise.algorithms.text.Vocabulary;
import io.statewise.algorithms.text.VocabularyIndex;
import io.statewise.algorithms.text.VocabularyPass;
import io.statewise.algorithms.text.VocabularyProvider;
import io.statewise.algorithms.text.VocabularyState;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * SageMaker's Neural Topic Model: a variational autoencoder over bags of words of the NVDM/ProdLDA family (Miao et
 * al., ICML 2016; Srivastava and Sutton, "Autoencoding Variational Inference for Topic Models", ICLR 2017). An
 * encoder MLP maps a document's word counts to a Gaussian posterior over topic logits {@code z}; {@code theta =
 * softmax(z)} are its topic proportions; the decoder's word distribution is {@code softmax(theta B + b)} (optionally
 * batch-normalized); the prior is the logistic-normal Laplace approximation of a Dirichlet(1)
 * ({@link LogisticNormalPrior}); training minimizes the negative ELBO, reconstruction plus KL, with one
 * reparameterized sample per document ({@link NtmObjective}).
 *
 * <h2>Input</h2>
 * Bags of words (LibSVM or CSV counts; {@code feature_dim} auto = the data's dimension, {@code vocab_file} optionally
 * names the terms), or text ({@link DataSchema#TEXT}: {@link TextBatch}es of tokenized documents). Text without a
 * {@code vocab_file} takes one more epoch first, the <b>vocabulary epoch</b>: its states are VOCABULARY states holding
 * the vocabulary pass's state ({@link VocabularyPass}, synced once per split); {@link #completeEpoch} then keeps the
 * top {@code vocab_size} terms, and the network of that many words (V) starts from its seeded initial parameters.
 * Training partials count each document's words over the frozen vocabulary ({@link TextDocuments}); documents without
 * an in-vocabulary word are skipped and counted as empty. With a {@code vocab_file}, text is counted over its terms
 * from the first epoch.
 *
 * <h2>States and synchronization</h2>
 * {@link #init} gives the GLOBAL state with seeded initial parameters (or the empty VOCABULARY state). {@link
 * #startPartial} starts a PARTIAL that trains a copy of its base's parameters ({@link TrainingStep}: one optimizer step
 * per mini-batch, documents without words skipped and counted, {@code sub_sample} drawn from the partial's seeded
 * generator). Training epochs sync every {@code sync_every_batches} mini-batches ({@link #syncPolicy()}); {@link
 * #merge} averages partials weighted by their documents and {@link #completeEpoch} adds the merged change to the
 * global parameters ({@link ParameterAveraging}). {@link #endEpoch} does early stopping on the validation loss when
 * the runtime scored the epoch's model ({@link #selectionScorer}), else on the training loss; {@link #wantsMore} then
 * turns false and {@link #converged} ends the job. Training ends after {@code epochs} training epochs, however many
 * the schedule allows.
 *
 * <h2>Finalize</h2>
 * The model is the encoder and the decoder with batch norm folded in, from the state's current parameters (a
 * partial's too: it stands for the model it has trained), with the vocabulary's terms when there is one. Immutable
 * and thread-safe; all mutable data lives in {@link NtmState}s.
 */
public final class Ntm implements ElasticAlgorithm<NtmState, NtmModel> {

    private final HyperParameters hyperParameters;
    private final NtmConfig config;
    private final VocabularyPass vocabularyPass;
    /** The terms of {@code vocab_file}, or null. */
    private final List<String> fileTerms;
    private final VocabularyIndex fileIndex;
    private final NtmStateCodec stateCodec;
    /** The network and training step of the last shape used (V is known only from the data or the vocabulary). */
    private volatile Machinery machinery;

    private record Machinery(NtmNetwork network, TrainingStep step) {}

    /**
     * An instance configured by {@code hyperParameters}. Reads {@code vocab_file} if given.
     *
     * @param hyperParameters values parsed by {@link NtmProvider#SPEC}. Not modified.
     * @throws IllegalArgumentException if they belong to another algorithm
     * @throws InvalidHyperParameterException if values do not fit together, or {@code vocab_file} cannot be read or
     *                                        has another number of terms than {@code feature_dim}
     */
    public Ntm(HyperParameters hyperParameters) {
        this.hyperParameters = hyperParameters.requireAlgorithm(NtmProvider.NAME);
        this.config = NtmConfig.from(hyperParameters);
        var v = config.vocabulary();
        this.vocabularyPass = new VocabularyPass(VocabularyProvider.SPEC.parse(Map.of("vocab_size", v.vocabSize(),
                "capacity_factor", v.capacityFactor(), "max_term_bytes", v.maxTermBytes(), "min_df", v.minDf(),
                "max_df_ratio", v.maxDfRatio(), "mini_batch_size", v.miniBatchSize())));
        this.fileTerms = config.hasVocabFile() ? readVocabFile(config) : null;
        this.fileIndex = fileTerms == null ? null : VocabularyIndex.of(fileTerms);
        this.stateCodec = new NtmStateCodec(config);
    }

    private static List<String> readVocabFile(NtmConfig config) {
        try {
            return VocabFile.read(Path.of(config.vocabFile()), config.featureDim() == 0 ? OptionalInt.empty()
                    : OptionalInt.of(config.featureDim()));
        } catch (DataException | UncheckedIOException e) {
            throw new InvalidHyperParameterException("vocab_file", e.getMessage());
        }
    }

    public NtmConfig config() {
        return config;
    }

    @Override
    public HyperParameters hyperParameters() {
        return hyperParameters;
    }

    /** Bags of words (numeric counts) and tokenized text. */
    @Override
    public Set<InputKind> inputKinds() {
        return Set.of(InputKind.NUMERIC, InputKind.TEXT);
    }

    /** Records: every document costs a decoding over the whole vocabulary, whatever its number of words. */
    @Override
    public SplitBalance splitBalance() {
        return SplitBalance.RECORDS;
    }

    /**
     * {@code epochs} training epochs, plus the vocabulary epoch unless {@code vocab_file} is given: the most any
     * input takes ({@link #schedule(DataSchema)}). Bag-of-words jobs end after their training epochs
     * ({@link #converged}).
     */
    @Override
    public TrainingSchedule schedule() {
        return new TrainingSchedule(config.epochs() + (config.hasVocabFile() ? 0 : 1), config.miniBatchSize());
    }

    /** {@code epochs}, plus the vocabulary epoch for text without {@code vocab_file}. */
    @Override
    public TrainingSchedule schedule(DataSchema schema) {
        return new TrainingSchedule(config.epochs() + (buildsVocabulary(schema) ? 1 : 0), config.miniBatchSize());
    }

    private boolean buildsVocabulary(DataSchema schema) {
        return schema.text() && !config.hasVocabFile();
    }

    /** Every {@code sync_every_batches} mini-batches. */
    @Override
    public SyncPolicy syncPolicy() {
        return new SyncPolicy.EveryNBatches(config.syncEveryBatches());
    }

    /** Once per split in the vocabulary epoch (its partials are summaries, not training runs); else every N. */
    @Override
    public SyncPolicy syncPolicy(NtmState epochBase) {
        return epochBase.kind == NtmState.Kind.VOCABULARY ? SyncPolicy.atEnd() : syncPolicy();
    }

    /**
     * The empty VOCABULARY state for text without {@code vocab_file}; otherwise the GLOBAL state with the initial
     * parameters of {@code seed} over the data's words ({@code vocab_file}'s terms for text).
     *
     * @throws InvalidHyperParameterException if the data's feature dimension is not {@code feature_dim}, or not the
     *                                        number of terms of {@code vocab_file}
     */
    @Override
    public NtmState init(DataSchema schema) {
        if (buildsVocabulary(schema)) return NtmState.ofVocabulary(vocabularyPass.init(schema));
        int words = schema.text() ? fileTerms.size() : schema.features();
        if (config.featureDim() != 0 && words != config.featureDim()) {
            throw new InvalidHyperParameterException("feature_dim", "is " + config.featureDim() + " but the data has "
                    + words + " features (words)");
        }
        if (fileTerms != null && fileTerms.size() != words) {
            throw new InvalidHyperParameterException("vocab_file", config.vocabFile() + " has " + fileTerms.size()
                    + " terms but the data has " + words + " features (words): one term per feature, in order");
        }
        return initialGlobal(words);
    }

    private NtmState initialGlobal(int words) {
        NtmNetwork network = machinery(config.shape(words)).network();
        float[][] moments = new float[network.shape.slots()][network.layout.trainableSize()];
        return new NtmState(network.shape, NtmState.Kind.GLOBAL, network.initialParameters(config.seed()), null,
                moments);
    }

    private Machinery machinery(NtmShape shape) {
        Machinery m = machinery;
        if (m == null || !m.network().shape.equals(shape)) {
            NtmNetwork network = shape.network(config.activation());
            m = new Machinery(network, new TrainingStep(network, config));
            machinery = m;
        }
        return m;
    }

    /**
     * A PARTIAL that trains from {@code base}'s parameters (a partial's current ones if {@code base} is a partial),
     * continuing its optimizer moments, with a generator seeded by {@code seed} and the configured seed; an empty
     * VOCABULARY partial from a VOCABULARY base.
     */
    @Override
    public NtmState startPartial(NtmState base, long seed) {
        if (base.kind == NtmState.Kind.VOCABULARY) {
            return NtmState.ofVocabulary(vocabularyPass.startPartial(base.vocabulary, seed));
        }
        checkShape(base);
        float[] from = base.kind == NtmState.Kind.GLOBAL ? base.params : base.params.clone();
        float[][] moments = new float[base.moments.length][];
        for (int s = 0; s < moments.length; s++) moments[s] = base.moments[s].clone();
        NtmState p = new NtmState(base.shape, NtmState.Kind.PARTIAL, from.clone(), from, moments);
        p.baseSteps = base.totalSteps();
        p.random = seed * 0x9E3779B97F4A7C15L + config.seed();
        p.copyBookkeepingFrom(base);
        p.copyVocabularyFrom(base);
        return p;
    }

    /**
     * VOCABULARY: counts the documents' terms. PARTIAL: trains on one mini-batch of bags of words (sparse or dense
     * counts) or of tokenized documents (counted over the vocabulary); labels are ignored.
     *
     * @throws IllegalArgumentException on another feature dimension, a negative or non-finite count, text without a
     *                                  vocabulary, or numbers in the vocabulary epoch
     * @throws IllegalStateException    on a global state, which is not trained directly
     */
    @Override
    public void update(NtmState state, Batch batch) {
        if (state.kind == NtmState.Kind.VOCABULARY) {
            vocabularyPass.update(state.vocabulary, batch);
            return;
        }
        checkShape(state);
        if (state.kind == NtmState.Kind.GLOBAL) {
            throw new IllegalStateException("the global state is not trained directly; train a partial from it"
                    + " (startPartial)");
        }
        Machinery m = machinery(state.shape);
        if (batch instanceof TextBatch text) state.malformedSequences += text.malformedSequences();
        Batch counts = batch instanceof TextBatch text
                ? state.workspace(m.network().layout.size()).text(termIndex(state)).convert(text) : batch;
        if (counts.dimension() != state.shape.vocabulary()) {
            throw new IllegalArgumentException("batch has " + counts.dimension() + " features, the model "
                    + state.shape.vocabulary() + " words (feature_dim)");
        }
        if (!counts.isEmpty()) m.step().apply(state, counts);
    }

    private VocabularyIndex termIndex(NtmState state) {
        VocabularyIndex index = state.termIndex();
        if (index == null) index = fileIndex;
        if (index == null) {
            throw new IllegalArgumentException("text input needs a vocabulary, and this NTM state was started from"
                    + " bags of words without vocab_file");
        }
        return index;
    }

    /**
     * The merge of two VOCABULARY states ({@link VocabularyPass#merge}), or the document-weighted average of two
     * partials ({@link ParameterAveraging#merge}); a state of no record is the identity.
     *
     * @throws IllegalArgumentException on a global state with records, states of other shapes, or states of
     *                                  different epochs
     */
    @Override
    public NtmState merge(NtmState a, NtmState b) {
        if (a.kind == NtmState.Kind.VOCABULARY && b.kind == NtmState.Kind.VOCABULARY) {
            return NtmState.ofVocabulary(vocabularyPass.merge(a.vocabulary, b.vocabulary));
        }
        if (b.records() == 0) return a.copy();
        if (a.records() == 0) return b.copy();
        if (a.kind == NtmState.Kind.VOCABULARY || b.kind == NtmState.Kind.VOCABULARY) {
            throw new IllegalArgumentException("a vocabulary-epoch state does not merge with a training state: they"
                    + " belong to different epochs");
        }
        checkShape(a);
        checkShape(b);
        if (a.kind == NtmState.Kind.GLOBAL || b.kind == NtmState.Kind.GLOBAL) {
            throw new IllegalArgumentException("global states do not merge; apply partials to them with"
                    + " completeEpoch");
        }
        return ParameterAveraging.merge(a, b);
    }

    /**
     * After the vocabulary epoch ({@code previous} VOCABULARY): the vocabulary of both states' counts, and the
     * GLOBAL state of its words with the initial parameters. During training: the parameter-server step,
     * {@code previous} (its current parameters, if a partial) plus the change of {@code merged}; a merge of no record
     * changes nothing.
     *
     * @throws DataException                  if the vocabulary epoch found no term
     * @throws InvalidHyperParameterException if {@code feature_dim} is given and the vocabulary has another size
     * @throws IllegalArgumentException       on states of other epochs or shapes
     */
    @Override
    public NtmState completeEpoch(NtmState previous, NtmState merged) {
        if (previous.kind == NtmState.Kind.VOCABULARY) {
            if (merged.kind != NtmState.Kind.VOCABULARY && merged.records() > 0) {
                throw new IllegalArgumentException("training partials need the vocabulary; the vocabulary epoch has"
                        + " not been completed");
            }
            return fromVocabulary(merged.kind == NtmState.Kind.VOCABULARY
                    ? vocabularyPass.merge(previous.vocabulary, merged.vocabulary) : previous.vocabulary);
        }
        checkShape(previous);
        if (merged.records() == 0) return previous.copy();
        if (merged.kind == NtmState.Kind.VOCABULARY) {
            throw new IllegalArgumentException("vocabulary counts arrived after the vocabulary epoch");
        }
        checkShape(merged);
        if (merged.kind == NtmState.Kind.GLOBAL) {
            throw new IllegalArgumentException("completeEpoch applies a merge of partials, not a global state");
        }
        return ParameterAveraging.apply(previous, merged);
    }

    private NtmState fromVocabulary(VocabularyState counts) {
        Vocabulary vocabulary = vocabularyPass.finalize(counts);
        if (vocabulary.size() == 0) {
            throw new DataException("the vocabulary epoch found no term in " + counts.records() + " documents"
                    + " (min_df " + config.vocabulary().minDf() + ", max_df_ratio " + config.vocabulary().maxDfRatio()
                    + ")");
        }
        if (config.featureDim() != 0 && vocabulary.size() != config.featureDim()) {
            throw new InvalidHyperParameterException("feature_dim", "is " + config.featureDim() + " but the vocabulary"
                    + " built from the text has " + vocabulary.size() + " terms (vocab_size "
                    + config.vocabulary().vocabSize() + ", min_df " + config.vocabulary().minDf() + ", max_df_ratio "
                    + config.vocabulary().maxDfRatio() + "); leave feature_dim auto");
        }
        NtmState global = initialGlobal(vocabulary.size());
        global.terms = vocabulary.terms().toArray(String[]::new);
        global.vocabularyDocuments = counts.records();
        global.malformedSequences = counts.malformedSequences();
        return global;
    }

    /** Early stopping on the epoch's training loss ({@link EarlyStopping}). Does not modify {@code global}. */
    @Override
    public NtmState endEpoch(NtmState global) {
        return endEpoch(global, Double.NaN);
    }

    /**
     * Early stopping on the validation loss per document of the epoch's model ({@link NtmScores#meanLoss}). Does not
     * modify {@code global}.
     *
     * @throws IllegalArgumentException if the scores are not an NTM's
     */
    @Override
    public NtmState endEpoch(NtmState global, SelectionScores validation) {
        return endEpoch(global, scores(validation).meanLoss());
    }

    private NtmState endEpoch(NtmState global, double validationLoss) {
        if (global.kind == NtmState.Kind.VOCABULARY) return global.copy();
        checkShape(global);
        return EarlyStopping.endEpoch(global, config, validationLoss);
    }

    /** Training is over: stopped early, or {@code epochs} training epochs done. */
    @Override
    public boolean converged(NtmState global) {
        return global.kind != NtmState.Kind.VOCABULARY && (global.stopped() || global.epochsDone() >= config.epochs());
    }

    /** False once training is over ({@link #converged}): a further epoch reads nothing. */
    @Override
    public boolean wantsMore(NtmState partial) {
        return !converged(partial);
    }

    /**
     * The epoch's report: after the vocabulary epoch, the vocabulary's size and documents; after a training epoch,
     * {@code train_loss} (negative ELBO per document), {@code validation_loss} and {@code validation_perplexity}
     * when scored, the documents trained on and skipped as empty so far, and whether training stopped early. Both
     * report {@code malformed_utf8_sequences}: invalid UTF-8 replaced by separators in the text read so far.
     */
    @Override
    public Map<String, Double> epochMetrics(NtmState global, Optional<SelectionScores> validation) {
        Map<String, Double> out = new TreeMap<>();
        if (global.kind == NtmState.Kind.VOCABULARY) {
            out.put("vocabulary_documents", (double) global.records());
            out.put("malformed_utf8_sequences", (double) global.vocabulary.malformedSequences());
            return out;
        }
        if (global.terms != null) {
            out.put("vocabulary_size", (double) global.terms.length);
            out.put("vocabulary_documents", (double) global.vocabularyDocuments);
        }
        out.put("malformed_utf8_sequences", (double) global.malformedSequences);
        if (global.epochsDone() == 0) return out;
        out.put("train_loss", global.lastEpochLoss());
        validation.map(Ntm::scores).ifPresent(s -> {
            out.put("validation_loss", s.meanLoss());
            out.put("validation_perplexity", s.perplexity());
        });
        out.put("documents", (double) global.documents);
        out.put("empty_documents", (double) global.emptyDocuments);
        out.put("stopped_early", global.stopped() ? 1.0 : 0.0);
        return out;
    }

    /** A scorer of the state's model on validation documents, once it has trained; none in the vocabulary epoch. */
    @Override
    public Optional<SelectionScorer> selectionScorer(NtmState state) {
        if (state.kind == NtmState.Kind.VOCABULARY || state.totalSteps() == 0) return Optional.empty();
        return Optional.of(new NtmScorer(finalize(state)));
    }

    @Override
    public Codec<SelectionScores> selectionScoresCodec() {
        return new NtmScoresCodec();
    }

    static NtmScores scores(SelectionScores validation) {
        if (!(validation instanceof NtmScores scores)) {
            throw new IllegalArgumentException("not an NTM's validation scores: " + validation);
        }
        return scores;
    }

    /**
     * The model of the state's current parameters, with the vocabulary's terms; {@code finalizeParams} change
     * nothing. In the vocabulary epoch: the untrained model over the vocabulary counted so far.
     *
     * @throws IllegalStateException in the vocabulary epoch before any term was counted
     */
    @Override
    public NtmModel finalize(NtmState state, HyperParameters finalizeParams) {
        if (state.kind == NtmState.Kind.VOCABULARY) {
            Vocabulary vocabulary = vocabularyPass.finalize(state.vocabulary);
            if (vocabulary.size() == 0) {
                throw new IllegalStateException("no model yet: the vocabulary epoch has counted no term");
            }
            return model(initialGlobal(vocabulary.size()), vocabulary.terms().toArray(String[]::new));
        }
        checkShape(state);
        return model(state, state.terms != null ? state.terms
                : fileTerms != null ? fileTerms.toArray(String[]::new) : null);
    }

    private NtmModel model(NtmState state, String[] terms) {
        NtmNetwork network = machinery(state.shape).network();
        float[] encoder = Arrays.copyOf(state.params, network.encoderSize);
        float[][] folded = network.decoder.fold(state.params);
        NtmShape shape = state.shape;
        float[][] topicWord = Arrays.copyOf(folded, shape.topics());
        return new NtmModel(shape.vocabulary(), shape.topics(), shape.hidden(), config.activation(), encoder,
                topicWord, folded[shape.topics()], terms, null);
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
        NtmShape expected = s.shape == null ? null : config.shape(s.shape.vocabulary());
        if (s.shape == null || !s.shape.equals(expected)
                || (config.featureDim() != 0 && s.shape.vocabulary() != config.featureDim())) {
            throw new IllegalArgumentException("a state of " + s.shape + " does not belong to this NTM (" + config
                    + ")");
        }
    }

    @Override
    public String toString() {
        return "Ntm" + hyperParameters.asMap();
    }
}
