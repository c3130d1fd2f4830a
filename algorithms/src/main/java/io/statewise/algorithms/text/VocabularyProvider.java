package io.statewise.algorithms.text;

import io.statewise.algorithms.AlgorithmProvider;
import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameterSpec;
import io.statewise.algorithms.HyperParameterSpec.Param;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.codec.Codec;
import java.util.List;

/** Registers the vocabulary pass as {@code "vocabulary"}. */
public final class VocabularyProvider implements AlgorithmProvider<VocabularyState, Vocabulary> {

    /** The registered name. */
    public static final String NAME = Vocabulary.ALGORITHM;

    private static final int MAX = Integer.MAX_VALUE;

    /** The accepted hyperparameters. */
    public static final HyperParameterSpec SPEC = new HyperParameterSpec(NAME, List.of(
            Param.integer("vocab_size", null, 1, 10_000_000,
                    "terms of the vocabulary at most, NTM's feature_dim (required)"),
            Param.integer("capacity_factor", 4, 1, 1024,
                    "the state keeps capacity_factor * vocab_size document-frequency counters; "
                            + "counts are within documents/(capacity+1) of the truth"),
            Param.integer("max_term_bytes", 32, 1, VocabularyStateCodec.MAX_TERM_BYTES,
                    "longer terms (in UTF-8 bytes) are not counted; fixes the state's size"),
            Param.integer("min_df", 1, 1, MAX, "finalize: leave out terms in fewer documents"),
            Param.decimal("max_df_ratio", 1.0, Double.MIN_VALUE, 1.0,
                    "finalize: leave out terms in more than this fraction of the documents"),
            Param.integer("mini_batch_size", 1000, 1, MAX, "documents per update")));

    @Override
    public HyperParameterSpec spec() {
        return SPEC;
    }

    @Override
    public Codec<Vocabulary> modelCodec() {
        return VocabularyPass.MODEL_CODEC;
    }

    @Override
    public ElasticAlgorithm<VocabularyState, Vocabulary> create(HyperParameters hyperParameters) {
        return new VocabularyPass(hyperParameters);
    }
}
