package io.statewise.algorithms.text;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.TrainingSchedule;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.InputKind;
import io.statewise.algorithms.data.TextBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The vocabulary pass: one streaming pass over tokenized documents that keeps the document frequencies of the most
 * frequent terms in a fixed-size, mergeable Misra-Gries summary ({@link FrequentTerms}, merged as in Agarwal et al.,
 * "Mergeable Summaries", PODS 2012), and finalizes to the {@code vocab_size} terms of highest document frequency
 * ({@link Vocabulary}): the feature space of a bag-of-words model such as NTM, built elastically like any other state.
 *
 * <p>The state keeps {@code capacity = capacity_factor * vocab_size} counters (default factor 4). Counts are exact
 * while the data has at most {@code capacity} distinct terms; otherwise every count is low by at most
 * {@code n / (capacity + 1)} ({@code n}: term-document pairs), also after any merges, and on Zipf-like text far less,
 * since the error is bounded by the mass of the tail beyond the counted terms (Berinde et al., "Space-optimal Heavy
 * Hitters with Strong Error Bounds", TODS 2010). The factor buys the headroom that keeps terms near the cut-off
 * {@code vocab_size} from being crowded out by the tail: with a factor of 1 the summary could hold little more than the
 * vocabulary itself.
 *
 * <p>Finalize (cheap, repeatable, with other {@code vocab_size}, {@code min_df}, {@code max_df_ratio}): counted terms
 * with {@code min_df <= df <= max_df_ratio * documents} ranked by df, descending, ties by UTF-8 bytes (so the result is
 * deterministic), the first {@code vocab_size} of them. Both filters compare the counted (lower-bound) df.
 *
 * <p>One epoch, synchronized once per split. Immutable and thread-safe; all mutable data lives in
 * {@link VocabularyState}s.
 */
public final class VocabularyPass implements ElasticAlgorithm<VocabularyState, Vocabulary> {

    static final VocabularyStateCodec STATE_CODEC = new VocabularyStateCodec();
    static final VocabularyModelCodec MODEL_CODEC = new VocabularyModelCodec();

    private final HyperParameters hyperParameters;
    private final VocabularyConfig config;

    /**
     * An instance configured by {@code hyperParameters}.
     *
     * @param hyperParameters values parsed by {@link VocabularyProvider#SPEC}. Not modified.
     * @throws IllegalArgumentException if they belong to another algorithm
     */
    public VocabularyPass(HyperParameters hyperParameters) {
        this.hyperParameters = hyperParameters.requireAlgorithm(VocabularyProvider.NAME);
        this.config = VocabularyConfig.from(hyperParameters);
    }

    /** The resolved configuration. */
    public VocabularyConfig config() {
        return config;
    }

    @Override
    public HyperParameters hyperParameters() {
        return hyperParameters;
    }

    /** Text only: the pass counts terms of tokenized documents. */
    @Override
    public Set<InputKind> inputKinds() {
        return Set.of(InputKind.TEXT);
    }

    @Override
    public TrainingSchedule schedule() {
        return new TrainingSchedule(1, config.miniBatchSize());
    }

    @Override
    public SyncPolicy syncPolicy() {
        return SyncPolicy.atEnd();
    }

    /** An empty state of {@code capacity_factor * vocab_size} counters; the schema is not used. */
    @Override
    public VocabularyState init(DataSchema schema) {
        return new VocabularyState(config.capacity(), config.maxTermBytes());
    }

    /** An empty state of the base's shape: a split's document frequencies never include the base's. */
    @Override
    public VocabularyState startPartial(VocabularyState base, long seed) {
        return new VocabularyState(base.capacity(), base.maxTermBytes());
    }

    /**
     * Counts each distinct term of each document once.
     *
     * @throws IllegalArgumentException if the batch is not a {@link TextBatch}
     */
    @Override
    public void update(VocabularyState state, Batch batch) {
        if (!(batch instanceof TextBatch text)) {
            throw new IllegalArgumentException("the vocabulary pass reads tokenized documents (a TextBatch from a text "
                    + "format), not a " + batch.getClass().getSimpleName());
        }
        state.add(text);
    }

    @Override
    public VocabularyState merge(VocabularyState a, VocabularyState b) {
        return VocabularyState.merge(a, b);
    }

    /**
     * The top {@code vocab_size} terms of {@code finalizeParams} by document frequency after the {@code min_df} and
     * {@code max_df_ratio} filters. Does not modify the state.
     */
    /** The documents read, the terms too long to count, and the malformed UTF-8 sequences replaced. */
    @Override
    public Map<String, Double> epochMetrics(VocabularyState global, Optional<SelectionScores> validation) {
        return Map.of("documents", (double) global.records(), "skipped_terms", (double) global.skippedTerms(),
                "malformed_utf8_sequences", (double) global.malformedSequences());
    }

    @Override
    public Vocabulary finalize(VocabularyState state, HyperParameters finalizeParams) {
        VocabularyConfig cfg = VocabularyConfig.from(finalizeParams);
        FrequentTerms f = state.frequent;
        TermTable t = f.terms();
        double maxDf = cfg.maxDfRatio() * state.documents;
        List<String> terms = new ArrayList<>();
        long[] df = new long[Math.min(cfg.vocabSize(), f.size())];
        for (int id : f.rankedIds()) {
            if (terms.size() == cfg.vocabSize()) break;
            long count = f.count(id);
            if (count < cfg.minDf() || count > maxDf) continue;
            df[terms.size()] = count;
            terms.add(new String(t.arena(), t.start(id), t.length(id), StandardCharsets.UTF_8));
        }
        return new Vocabulary(terms, Arrays.copyOf(df, terms.size()), f.offset(), state.documents);
    }

    @Override
    public VocabularyEvaluator evaluator(Vocabulary model) {
        return new VocabularyEvaluator(model);
    }

    @Override
    public Codec<VocabularyState> stateCodec() {
        return STATE_CODEC;
    }

    @Override
    public Codec<Vocabulary> modelCodec() {
        return MODEL_CODEC;
    }

    @Override
    public String toString() {
        return "VocabularyPass" + hyperParameters.asMap();
    }
}
