package io.statewise.algorithms.ntm;

import io.statewise.algorithms.AlgorithmProvider;
import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameterSpec;
import io.statewise.algorithms.HyperParameterSpec.Param;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.text.VocabularyProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers the neural topic model as {@code "ntm"} with SageMaker's hyperparameter names and defaults (Amazon
 * SageMaker developer guide, "NTM hyperparameters"). {@code clip_gradient}'s range is unbounded above, so it takes
 * SageMaker's default {@code Infinity}: no clipping.
 */
public final class NtmProvider implements AlgorithmProvider<NtmState, NtmModel> {

    /** The registered name. */
    public static final String NAME = "ntm";

    static final NtmModelCodec MODEL_CODEC = new NtmModelCodec();

    private static final int MAX = Integer.MAX_VALUE;

    /** The accepted hyperparameters. */
    public static final HyperParameterSpec SPEC = new HyperParameterSpec(NAME, List.of(
            Param.integer("num_topics", null, 2, 1000, "topics to learn, at least 2 (required)"),
            Param.intOrAuto("feature_dim", 1, 10_000_000, "vocabulary size: every word index is below it; auto = the"
                    + " data's feature dimension, or for text the size of the vocabulary built in the first epoch"),
            Param.intListOrAuto("encoder_layers", 1, 100_000,
                    "hidden layer sizes of the encoder, e.g. [50, 20]; auto = [3 num_topics, 2 num_topics]"),
            Param.choice("encoder_layers_activation", "sigmoid", List.of("sigmoid", "tanh", "relu"),
                    "activation of the encoder's hidden layers"),
            Param.integer("epochs", 50, 1, 100_000, "training passes over the data; text input without vocab_file"
                    + " takes one more pass first, to build the vocabulary"),
            Param.integer("mini_batch_size", 256, 1, 1_000_000, "documents per optimizer step"),
            Param.decimal("learning_rate", 0.001, 1e-9, 10, "step size of sgd, adam and rmsprop (adadelta has none)"),
            Param.choice("optimizer", "adadelta", List.of("adadelta", "adam", "sgd", "rmsprop"), "update rule"),
            Param.decimal("weight_decay", 0.0, 0, 1e6, "L2 coefficient added to the gradient"),
            Param.decimal("clip_gradient", Double.POSITIVE_INFINITY, 1e-3, Double.POSITIVE_INFINITY,
                    "element-wise bound of gradients; Infinity (default) = none"),
            Param.decimal("rescale_gradient", 1.0, 1e-6, 1e6, "gradient multiplier"),
            Param.bool("batch_norm", false, "batch-normalize the decoder's word logits (ProdLDA)"),
            Param.integer("num_patience_epochs", 3, 1, 1000,
                    "epochs in a row without relative improvement beyond tolerance before training stops"),
            Param.decimal("tolerance", 0.001, 0, 1, "relative improvement of the epoch's loss that counts (the"
                    + " validation loss with validation data, else the training loss)"),
            Param.decimal("sub_sample", 1.0, 1e-9, 1.0, "fraction of the documents trained on in each epoch"),
            Param.integer("sync_every_batches", 8, 1, MAX,
                    "mini-batches a worker trains before it sends its parameter change to the job"),
            Param.integer("seed", 0, Integer.MIN_VALUE, MAX, "initial parameters, noise and sub-sampling"),
            // text input: the vocabulary epoch's parameters, as the vocabulary pass's (vocab_size may be auto)
            Param.intOrAuto("vocab_size", 1, 10_000_000, "text: the vocabulary epoch keeps the terms in most"
                    + " documents, at most this many; auto = feature_dim if given, else "
                    + NtmConfig.DEFAULT_VOCAB_SIZE),
            VocabularyProvider.SPEC.param("capacity_factor"),
            VocabularyProvider.SPEC.param("max_term_bytes"),
            VocabularyProvider.SPEC.param("min_df"),
            VocabularyProvider.SPEC.param("max_df_ratio"),
            Param.string("vocab_file", "a vocab.txt (one term per line, line i = word index i): the terms of"
                    + " bag-of-words input, or the fixed vocabulary of text input (no vocabulary epoch)")));

    @Override
    public HyperParameterSpec spec() {
        return SPEC;
    }

    @Override
    public Codec<NtmModel> modelCodec() {
        return MODEL_CODEC;
    }

    @Override
    public ElasticAlgorithm<NtmState, NtmModel> create(HyperParameters hyperParameters) {
        return new Ntm(hyperParameters);
    }

    /** The validation documents' total loss (reconstruction and KL divergence). */
    @Override
    public Optional<String> defaultObjectiveMetric(Map<String, String> hyperParameters) {
        return Optional.of("validation_total_loss");
    }
}
