package io.statewise.algorithms.linear;

import io.statewise.algorithms.AlgorithmProvider;
import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.HyperParameterSpec;
import io.statewise.algorithms.HyperParameterSpec.Param;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.codec.Codec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registers the linear learner as {@code "linear-learner"} with SageMaker's hyperparameter names (Amazon SageMaker
 * developer guide, "Linear learner hyperparameters"; Liberty et al., "Elastic Machine Learning Algorithms in Amazon
 * SageMaker", SIGMOD 2020).
 *
 * <p>As in SageMaker, most real-valued parameters default to {@code auto}, each description saying what it stands
 * for. SageMaker also accepts {@code balanced} for {@code positive_example_weight_mult}, which {@link #create(Map)}
 * reads as 0, the spec's encoding of balanced weights.
 */
public final class LinearLearnerProvider implements AlgorithmProvider<LinearState, LinearModel> {

    /** The registered name. */
    public static final String NAME = "linear-learner";

    private static final int MAX = Integer.MAX_VALUE;

    /** The accepted hyperparameters. */
    public static final HyperParameterSpec SPEC = new HyperParameterSpec(NAME, List.of(
            Param.choice("predictor_type", null, List.of("regressor", "binary_classifier", "multiclass_classifier"),
                    "what the model predicts (required)"),
            Param.intOrAuto("num_classes", 3, 1_000_000,
                    "classes of a multiclass_classifier, labeled 0..num_classes-1 (required for it, else ignored)"),
            Param.intOrAuto("feature_dim", 1, MAX, "features per record; auto = the data's dimension"),
            Param.integer("epochs", 15, 1, 100_000,
                    "training passes over the data (the job runs one more: the scaler pass comes first)"),
            Param.integer("mini_batch_size", 1000, 1, MAX, "records per optimizer step"),
            Param.integer("sync_every_batches", 10, 1, MAX,
                    "mini-batches a worker trains before it sends its parameter change to the job"),
            Param.intOrAuto("num_models", 1, LinearConfig.MAX_MODELS,
                    "models trained in parallel with different hyperparameters (model packing); auto = "
                            + LinearConfig.AUTO_NUM_MODELS),
            Param.choice("loss", "auto", List.of("auto", "squared_loss", "absolute_loss", "huber_loss",
                            "eps_insensitive_squared_loss", "eps_insensitive_absolute_loss", "quantile_loss",
                            "logistic", "hinge_loss", "softmax_loss"),
                    "training loss; auto = squared_loss, logistic or softmax_loss by predictor_type"),
            Param.decimalOrAuto("huber_delta", 1.0, 1e-12, 1e12,
                    "half-width of huber_loss's quadratic zone; auto = 1.0"),
            Param.decimalOrAuto("loss_insensitivity", 0.01, 0, 1e12,
                    "dead zone of the eps_insensitive losses; auto = 0.01"),
            Param.decimalOrAuto("quantile", 0.5, 1e-6, 1 - 1e-6, "the quantile quantile_loss estimates; auto = 0.5"),
            Param.decimalOrAuto("margin", 1.0, 0, 1e12, "margin of hinge_loss; auto = 1.0"),
            Param.choice("optimizer", "auto", List.of("auto", "sgd", "adam", "rmsprop"), "update rule; auto = adam"),
            Param.decimalOrAuto("learning_rate", Double.NaN, 1e-12, 1e12,
                    "step size of model 0; auto = 0.1 for sgd, 0.01 for adam and rmsprop"),
            Param.decimalOrAuto("momentum", 0, 0, 1 - 1e-9, "momentum of sgd; auto = 0"),
            Param.decimalOrAuto("beta_1", 0.9, 0, 1 - 1e-9, "adam's first-moment decay; auto = 0.9"),
            Param.decimalOrAuto("beta_2", 0.999, 0, 1 - 1e-9, "adam's and rmsprop's second-moment decay; auto = 0.999"),
            Param.decimalOrAuto("wd", 0, 0, 1e12, "L2 regularization of model 0's weights (not the bias); auto = 0"),
            Param.decimalOrAuto("l1", 0, 0, 1e12, "L1 regularization of model 0's weights (proximal step); auto = 0"),
            Param.bool("use_bias", true, "whether the models learn a bias term"),
            Param.choice("init_method", "uniform", List.of("uniform", "normal", "xavier"),
                    "initial weights: uniform in [-init_scale, init_scale], normal(0, init_sigma) or xavier"),
            Param.decimalOrAuto("init_scale", 0.07, 0, 1e6, "half-width of uniform initial weights; auto = 0.07"),
            Param.decimalOrAuto("init_sigma", 0.01, 0, 1e6,
                    "standard deviation of normal initial weights; auto = 0.01"),
            Param.decimalOrAuto("init_bias", 0, -1e12, 1e12, "initial bias; auto = 0"),
            Param.bool("use_lr_scheduler", true, "whether the learning rates decay in steps"),
            Param.intOrAuto("lr_scheduler_step", 1, MAX,
                    "optimizer steps between learning-rate decays; auto = " + LinearConfig.AUTO_LR_SCHEDULER_STEP),
            Param.decimalOrAuto("lr_scheduler_factor", 0.99, 1e-9, 1, "learning-rate decay factor; auto = 0.99"),
            Param.decimalOrAuto("lr_scheduler_minimum_lr", 1e-5, 0, 1e12,
                    "the scheduler's floor of learning rates; auto = 1e-5"),
            Param.integer("early_stopping_patience", 3, 1, MAX,
                    "epochs without relative improvement of a model's loss before it is frozen"),
            Param.decimalOrAuto("early_stopping_tolerance", 0.001, 0, 1,
                    "relative loss improvement that counts; auto = 0.001"),
            Param.decimalOrAuto("positive_example_weight_mult", 1.0, 0, 1e12,
                    "weight of positive examples of a binary classifier; auto = 1; 0 or balanced ="
                            + " negatives/positives of the scaler sample"),
            Param.bool("normalize_data", true, "whether features are standardized (mean 0, standard deviation 1)"),
            Param.choice("normalize_label", "auto", List.of("auto", "true", "false"),
                    "whether regression labels are standardized; auto = true for regressors"),
            Param.integer("num_point_for_scaler", 10_000, 1, MAX,
                    "records of the scaler pass; each split samples ceil(num_point_for_scaler / 8)"),
            Param.choice("binary_classifier_model_selection_criteria", "accuracy", List.of("accuracy", "f_beta",
                            "precision_at_target_recall", "recall_at_target_precision", "loss_function"),
                    "how a binary classifier's model and threshold are chosen"),
            Param.decimalOrAuto("f_beta", 1.0, 1e-9, 1e9, "beta of the f_beta criterion; auto = 1.0"),
            Param.decimalOrAuto("target_recall", 0.8, 0, 1, "recall of precision_at_target_recall; auto = 0.8"),
            Param.decimalOrAuto("target_precision", 0.8, 0, 1, "precision of recall_at_target_precision; auto = 0.8"),
            Param.integer("accuracy_top_k", 3, 1, MAX, "k of the multiclass top_k_accuracy metric"),
            Param.integer("seed", 0, Integer.MIN_VALUE, MAX, "randomness of the initial weights")));

    /** The validation loss the models report, by predictor type. */
    private static final Map<String, String> VALIDATION_LOSS = Map.of("regressor", "validation_mse",
            "binary_classifier", "validation_log_loss", "multiclass_classifier", "validation_cross_entropy");

    @Override
    public HyperParameterSpec spec() {
        return SPEC;
    }

    /** The validation loss of the {@code predictor_type}: empty without one, or it is searched. */
    @Override
    public Optional<String> defaultObjectiveMetric(Map<String, String> hyperParameters) {
        return Optional.ofNullable(hyperParameters.get("predictor_type")).map(VALIDATION_LOSS::get);
    }

    @Override
    public Codec<LinearModel> modelCodec() {
        return LinearLearner.MODEL_CODEC;
    }

    /**
     * A linear learner.
     *
     * @param hyperParameters values parsed by {@link #SPEC}. Not modified.
     * @throws IllegalArgumentException if they were parsed by another algorithm's spec
     * @throws io.statewise.algorithms.InvalidHyperParameterException if values do not fit together
     */
    @Override
    public ElasticAlgorithm<LinearState, LinearModel> create(HyperParameters hyperParameters) {
        return new LinearLearner(hyperParameters);
    }

    /**
     * Parses raw values, first reading {@code positive_example_weight_mult = balanced} as 0 (see the class comment),
     * then builds an instance.
     *
     * @param raw name to value. Not modified.
     */
    @Override
    public ElasticAlgorithm<LinearState, LinearModel> create(Map<String, ?> raw) {
        return create(SPEC.parse(sageMakerSpellings(raw)));
    }

    /** {@code raw} with {@code positive_example_weight_mult = balanced} as 0. */
    static Map<String, Object> sageMakerSpellings(Map<String, ?> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            Object v = e.getValue();
            String text = v instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : null;
            if ("balanced".equals(text) && "positive_example_weight_mult".equals(e.getKey())) {
                out.put(e.getKey(), 0.0);
                continue;
            }
            out.put(e.getKey(), v);
        }
        return out;
    }
}
