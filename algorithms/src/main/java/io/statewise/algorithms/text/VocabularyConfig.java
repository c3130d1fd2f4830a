package io.statewise.algorithms.text;

import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.InvalidHyperParameterException;

/**
 * Validated hyperparameters of the vocabulary pass.
 *
 * @param vocabSize      terms of the vocabulary at most (NTM's {@code feature_dim})
 * @param capacityFactor the state keeps {@code capacityFactor * vocabSize} counters: room for the candidates near the
 *                       cut, and an error bound {@code n / (capacity + 1)} that shrinks as the factor grows
 * @param maxTermBytes   the longest term counted, in UTF-8 bytes (fixes the state's size)
 * @param minDf          finalize: terms in fewer documents are left out
 * @param maxDfRatio     finalize: terms in more than this fraction of the documents are left out (corpus-specific stop
 *                       words)
 * @param miniBatchSize  documents per update
 */
public record VocabularyConfig(int vocabSize, int capacityFactor, int maxTermBytes, int minDf, double maxDfRatio,
                               int miniBatchSize) {

    /** The largest state: counters times slot bytes must stay an array. */
    static final long MAX_STATE_BYTES = Integer.MAX_VALUE - 1024;

    public VocabularyConfig {
        require(vocabSize >= 1, "vocab_size", "must be >= 1, got " + vocabSize);
        require(capacityFactor >= 1, "capacity_factor", "must be >= 1, got " + capacityFactor);
        require(maxTermBytes >= 1 && maxTermBytes <= VocabularyStateCodec.MAX_TERM_BYTES, "max_term_bytes",
                "must be in [1, " + VocabularyStateCodec.MAX_TERM_BYTES + "], got " + maxTermBytes);
        long capacity = (long) vocabSize * capacityFactor;
        require(capacity <= Integer.MAX_VALUE && VocabularyStateCodec.encodedSize((int) capacity, maxTermBytes)
                <= MAX_STATE_BYTES, "capacity_factor", "vocab_size * capacity_factor = " + capacity
                + " counters of " + maxTermBytes + "-byte terms make a state over 2 GiB");
        require(minDf >= 1, "min_df", "must be >= 1, got " + minDf);
        require(maxDfRatio > 0 && maxDfRatio <= 1, "max_df_ratio", "must be in (0, 1], got " + maxDfRatio);
        require(miniBatchSize >= 1, "mini_batch_size", "must be >= 1, got " + miniBatchSize);
    }

    private static void require(boolean ok, String parameter, String message) {
        if (!ok) throw new InvalidHyperParameterException(parameter, message);
    }

    /** The configuration given by values parsed by {@link VocabularyProvider#SPEC}. */
    public static VocabularyConfig from(HyperParameters hp) {
        return new VocabularyConfig(hp.getInt("vocab_size"), hp.getInt("capacity_factor"),
                hp.getInt("max_term_bytes"), hp.getInt("min_df"), hp.getDouble("max_df_ratio"),
                hp.getInt("mini_batch_size"));
    }

    /** Counters of the state: {@code capacityFactor * vocabSize}. */
    public int capacity() {
        return vocabSize * capacityFactor;
    }
}
