package io.statewise.algorithms.deepar;

import io.statewise.algorithms.AlgorithmProvider;
import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameterSpec;
import io.statewise.algorithms.HyperParameterSpec.Param;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.codec.Codec;
import java.util.List;

/**
 * Registers DeepAR as {@code "deepar"} with SageMaker's hyperparameter names and defaults (Amazon SageMaker developer
 * guide, "DeepAR hyperparameters"), plus Statewise's own: {@code sync_every_batches}, {@code windows_per_series},
 * {@code window_half_life}, {@code clip_gradient}, {@code seed} and the learning-rate decay on plateau that
 * SageMaker's DeepAR applies without naming it, with GluonTS's names and its factor and minimum
 * ({@code learning_rate_decay_factor}, {@code learning_rate_decay_patience}, {@code minimum_learning_rate}) and a
 * warm-up before the first decay ({@code learning_rate_decay_warmup_epochs}). Differences: {@code cardinality} and
 * {@code num_dynamic_feat} left at {@code auto} mean "none" (a state's size is fixed before any data is read), and a
 * series that has them is then rejected with a message naming the parameter to set; {@code early_stopping_patience}
 * 0 means none.
 */
public final class DeepArProvider implements AlgorithmProvider<DeepArState, DeepArModel> {

    /** The registered name. */
    public static final String NAME = "deepar";

    static final DeepArModelCodec MODEL_CODEC = new DeepArModelCodec();

    private static final int MAX = Integer.MAX_VALUE;

    /** The accepted hyperparameters. */
    public static final HyperParameterSpec SPEC = new HyperParameterSpec(NAME, List.of(
            new Param("time_freq", HyperParameterSpec.Type.STRING, null, 0, 0, List.of(),
                    "frequency of the series: an optional multiple and min, H, D, W, M, Q or Y (required)",
                    Double.NaN),
            Param.integer("context_length", null, 1, 10_000, "steps the model reads before forecasting (required)"),
            Param.integer("prediction_length", null, 1, 10_000, "steps forecast (required)"),
            Param.integer("epochs", null, 1, 100_000, "passes over the training series (required)"),
            Param.integer("mini_batch_size", 128, 1, 100_000, "series per optimizer step"),
            Param.decimal("learning_rate", 0.001, 1e-9, 1, "Adam's first step size"),
            Param.decimal("learning_rate_decay_factor", 0.5, 1e-3, 1, "multiplier of the step size after"
                    + " learning_rate_decay_patience epochs without a lower loss; 1 = no decay"),
            Param.integer("learning_rate_decay_patience", 3, 0, 100_000, "epochs without a lower loss (as"
                    + " early_stopping_patience compares) per decay of the step size; 0 = no decay"),
            Param.integer("learning_rate_decay_warmup_epochs", 10, 0, 100_000, "epochs at the start of training"
                    + " without a decay of the step size, while the loss still swings"),
            Param.decimal("minimum_learning_rate", 5e-5, 1e-12, 1, "the lowest step size decays reach"),
            Param.integer("num_layers", 2, 1, 8, "stacked LSTM layers"),
            Param.integer("num_cells", 40, 1, 400, "cells per LSTM layer"),
            Param.decimal("dropout_rate", 0.1, 0, 0.99, "dropout between stacked LSTM layers while"
                    + " training (none on the last layer's outputs, so none with one layer)"),
            Param.choice("likelihood", "student-t", Likelihood.NAMES,
                    "output distribution: gaussian, student-T, negative-binomial, beta or deterministic-L1"),
            Param.integer("embedding_dimension", 10, 1, 1000, "values of each categorical feature's embedding"),
            Param.string("cardinality", "values of each categorical feature, e.g. [4, 30]; ignore = drop cat;"
                    + " auto (default) = series have no cat"),
            Param.string("num_dynamic_feat", "dynamic features per series; ignore = drop dynamic_feat; auto"
                    + " (default) = series have none"),
            Param.integer("early_stopping_patience", 0, 0, 100_000, "epochs without a lower loss (validation loss"
                    + " with validation data, else training loss) before training stops; 0 = never"),
            Param.integer("num_eval_samples", 100, 1, 100_000, "sample paths per forecast"),
            Param.string("test_quantiles", "quantile levels forecast and scored; default [0.1, 0.2, ..., 0.9]"),
            Param.integer("sync_every_batches", 8, 1, MAX,
                    "mini-batches a worker trains before it sends its parameter change to the job"),
            Param.integer("windows_per_series", 1, 1, 10_000, "training windows drawn from each series per epoch"),
            Param.decimal("window_half_life", 0, 0, Double.POSITIVE_INFINITY, "steps from a series' end over which"
                    + " the chance that a training window ends there halves; 0 = windows drawn uniformly"),
            Param.decimal("clip_gradient", 10.0, 1e-3, Double.POSITIVE_INFINITY,
                    "element-wise bound of gradients; Infinity = none"),
            Param.integer("seed", 0, Integer.MIN_VALUE, MAX, "initial parameters, windows, dropout and samples")));

    /** Defaults of the free-text parameters, filled in when they are left empty. */
    static final String DEFAULT_QUANTILES = "[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]";

    @Override
    public HyperParameterSpec spec() {
        return SPEC;
    }

    @Override
    public Codec<DeepArModel> modelCodec() {
        return MODEL_CODEC;
    }

    @Override
    public ElasticAlgorithm<DeepArState, DeepArModel> create(HyperParameters hyperParameters) {
        return new DeepAr(hyperParameters);
    }
}
