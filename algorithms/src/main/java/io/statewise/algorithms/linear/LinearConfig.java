package io.statewise.algorithms.linear;

import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.InvalidHyperParameterException;

/**
 * Validated linear-learner hyperparameters with every {@code auto} resolved; the names follow SageMaker's linear
 * learner. The parameters of model 0 of the pack are exactly these; {@link PackedSetting#grid} spreads the others.
 *
 * @param predictorType              what the model predicts
 * @param numClasses                 classes of a multiclass classifier (at least 3); 2 for a binary classifier, 1
 *                                   for a regressor
 * @param featureDim                 the required feature dimension, or 0 to take the data's
 * @param epochs                     training epochs (the schedule adds the scaler pass)
 * @param miniBatchSize              records per optimizer step
 * @param syncEveryBatches           mini-batches between a worker's synchronizations
 * @param numModels                  packed models, at least 1
 * @param loss                       the training loss, fitting the predictor type
 * @param optimizer                  the update rule
 * @param learningRate               model 0's learning rate, {@code > 0}
 * @param momentum                   SGD momentum
 * @param beta1                      Adam's first-moment decay
 * @param beta2                      Adam's and RMSProp's second-moment decay
 * @param wd                         model 0's L2 regularization
 * @param l1                         model 0's L1 regularization
 * @param useBias                    whether a bias is learned
 * @param initMethod                 how weights start
 * @param initScale                  uniform half-width
 * @param initSigma                  normal standard deviation
 * @param initBias                   starting bias
 * @param useLrScheduler             whether learning rates decay
 * @param lrSchedulerStep            optimizer steps (over all workers) between decays
 * @param lrSchedulerFactor          the decay factor
 * @param lrSchedulerMinimumLr       the floor of decayed learning rates
 * @param earlyStoppingPatience      epochs without improvement before a model is frozen
 * @param earlyStoppingTolerance     relative improvement that counts
 * @param positiveExampleWeightMult  weight of positive examples; 0 means balanced (negatives over positives of the
 *                                   scaler sample)
 * @param normalizeData              whether features are standardized
 * @param normalizeLabel             whether regression labels are standardized (false for classifiers)
 * @param numPointForScaler          records the scaler pass samples over 8 splits
 * @param selectionCriterion         how a binary classifier's model and threshold are chosen
 * @param fBeta                      beta of {@link SelectionCriterion#F_BETA}
 * @param targetRecall               recall target of {@link SelectionCriterion#PRECISION_AT_TARGET_RECALL}
 * @param targetPrecision            precision target of {@link SelectionCriterion#RECALL_AT_TARGET_PRECISION}
 * @param accuracyTopK               k of the multiclass {@code top_k_accuracy}
 * @param seed                       randomness of the initial weights
 */
public record LinearConfig(PredictorType predictorType, int numClasses, int featureDim, int epochs, int miniBatchSize,
                           int syncEveryBatches, int numModels, Loss loss, OptimizerKind optimizer,
                           double learningRate, double momentum, double beta1, double beta2, double wd, double l1,
                           boolean useBias, InitMethod initMethod, double initScale, double initSigma,
                           double initBias, boolean useLrScheduler, int lrSchedulerStep, double lrSchedulerFactor,
                           double lrSchedulerMinimumLr, int earlyStoppingPatience, double earlyStoppingTolerance,
                           double positiveExampleWeightMult, boolean normalizeData, boolean normalizeLabel,
                           int numPointForScaler, SelectionCriterion selectionCriterion, double fBeta,
                           double targetRecall, double targetPrecision, int accuracyTopK, long seed) {

    /** Packed models for {@code num_models = auto}: SageMaker's default of 32. */
    public static final int AUTO_NUM_MODELS = 32;
    /** The most packed models. */
    public static final int MAX_MODELS = 1024;
    /** Optimizer steps between learning-rate decays for {@code lr_scheduler_step = auto}. */
    public static final int AUTO_LR_SCHEDULER_STEP = 100;
    /** Histogram bins over [0, 1] of a binary classifier's predicted probabilities, per model and class. */
    public static final int HISTOGRAM_BINS = 200;
    /** The scaler pass's sample is spread over this many splits: each samples {@code num_point_for_scaler / 8}. */
    public static final int SCALER_SPLITS = 8;

    /**
     * Checks that the values fit together; each failure names the SageMaker hyperparameter.
     *
     * @throws InvalidHyperParameterException on a loss that does not fit the predictor type or a missing class count
     */
    public LinearConfig {
        require(predictorType != null, "predictor_type", "is required");
        require(loss != null && loss.kind().predictorType() == predictorType, "loss",
                (loss == null ? "null" : loss.kind().parameterValue()) + " does not train a "
                        + predictorType.parameterValue() + "; use auto or a " + predictorType.parameterValue()
                        + " loss");
        require(predictorType != PredictorType.MULTICLASS_CLASSIFIER || numClasses >= 3, "num_classes",
                "is required (at least 3) when predictor_type=multiclass_classifier");
        require(numModels >= 1 && numModels <= MAX_MODELS, "num_models", "must be in [1, " + MAX_MODELS + "]");
        require(learningRate > 0, "learning_rate", "must be > 0, got " + learningRate);
        require(epochs >= 1, "epochs", "must be >= 1, got " + epochs);
        require(miniBatchSize >= 1, "mini_batch_size", "must be >= 1, got " + miniBatchSize);
        require(syncEveryBatches >= 1, "sync_every_batches", "must be >= 1, got " + syncEveryBatches);
        require(lrSchedulerStep >= 1, "lr_scheduler_step", "must be >= 1, got " + lrSchedulerStep);
        require(earlyStoppingPatience >= 1, "early_stopping_patience", "must be >= 1");
        require(accuracyTopK >= 1, "accuracy_top_k", "must be >= 1");
        require(numPointForScaler >= 1, "num_point_for_scaler", "must be >= 1");
    }

    private static void require(boolean ok, String parameter, String message) {
        if (!ok) throw new InvalidHyperParameterException(parameter, message);
    }

    /**
     * The configuration given by validated hyperparameters of {@link LinearLearnerProvider#SPEC}.
     *
     * @param hp values parsed by the linear-learner spec. Not modified.
     * @throws InvalidHyperParameterException if values do not fit together
     */
    public static LinearConfig from(HyperParameters hp) {
        PredictorType type = PredictorType.of(hp.getString("predictor_type"));
        int classes = switch (type) {
            case REGRESSOR -> 1;
            case BINARY_CLASSIFIER -> 2;
            case MULTICLASS_CLASSIFIER -> hp.isAuto("num_classes") ? 0 : hp.getInt("num_classes");
        };
        String lossName = hp.getString("loss");
        LossKind kind = "auto".equals(lossName) ? LossKind.auto(type) : LossKind.of(lossName);
        Loss loss = new Loss(kind, hp.getDouble("huber_delta"), hp.getDouble("loss_insensitivity"),
                hp.getDouble("quantile"), hp.getDouble("margin"));
        OptimizerKind optimizer = OptimizerKind.of(hp.getString("optimizer"));
        boolean normalizeLabel = switch (hp.getString("normalize_label")) {
            case "true" -> type == PredictorType.REGRESSOR;
            case "false" -> false;
            default -> type == PredictorType.REGRESSOR;
        };
        return new LinearConfig(type, classes, hp.isAuto("feature_dim") ? 0 : hp.getInt("feature_dim"),
                hp.getInt("epochs"), hp.getInt("mini_batch_size"), hp.getInt("sync_every_batches"),
                hp.isAuto("num_models") ? AUTO_NUM_MODELS : hp.getInt("num_models"), loss, optimizer,
                hp.getDoubleOrAuto("learning_rate").orElse(optimizer.autoLearningRate()), hp.getDouble("momentum"),
                hp.getDouble("beta_1"),
                hp.getDouble("beta_2"), hp.getDouble("wd"), hp.getDouble("l1"), hp.getBoolean("use_bias"),
                InitMethod.of(hp.getString("init_method")), hp.getDouble("init_scale"), hp.getDouble("init_sigma"),
                hp.getDouble("init_bias"), hp.getBoolean("use_lr_scheduler"),
                hp.isAuto("lr_scheduler_step") ? AUTO_LR_SCHEDULER_STEP : hp.getInt("lr_scheduler_step"),
                hp.getDouble("lr_scheduler_factor"), hp.getDouble("lr_scheduler_minimum_lr"),
                hp.getInt("early_stopping_patience"), hp.getDouble("early_stopping_tolerance"),
                hp.getDouble("positive_example_weight_mult"), hp.getBoolean("normalize_data"), normalizeLabel,
                hp.getInt("num_point_for_scaler"),
                SelectionCriterion.of(hp.getString("binary_classifier_model_selection_criteria")),
                hp.getDouble("f_beta"), hp.getDouble("target_recall"), hp.getDouble("target_precision"),
                hp.getInt("accuracy_top_k"), hp.getInt("seed"));
    }

    /** Linear outputs per packed model: {@code num_classes} for a multiclass classifier, else 1. */
    public int outputs() {
        return predictorType == PredictorType.MULTICLASS_CLASSIFIER ? numClasses : 1;
    }

    /** Histogram bins per model and class kept for threshold tuning: {@link #HISTOGRAM_BINS} for binary, else 0. */
    public int histogramBins() {
        return predictorType == PredictorType.BINARY_CLASSIFIER ? HISTOGRAM_BINS : 0;
    }

    /** Label counters the state keeps: one per class for classifiers, none for regressors. */
    public int labelSlots() {
        return predictorType == PredictorType.REGRESSOR ? 0 : numClasses;
    }

    /** Records one split's scaler partial samples: {@code ceil(num_point_for_scaler / 8)}. */
    public int scalerSampleRecords() {
        return (numPointForScaler + SCALER_SPLITS - 1) / SCALER_SPLITS;
    }

    /** Whether positive examples are weighted by the negatives-to-positives ratio of the scaler sample. */
    public boolean balancedPositives() {
        return positiveExampleWeightMult == 0;
    }

    /**
     * The learning rate of a model whose base rate is {@code lr} at global optimizer step {@code step} (0-based):
     * {@code lr * factor^floor(step / lr_scheduler_step)}, never below {@code min(lr, lr_scheduler_minimum_lr)}.
     */
    double scheduledRate(double lr, long step) {
        if (!useLrScheduler) return lr;
        double decayed = lr * Math.pow(lrSchedulerFactor, (double) (step / lrSchedulerStep));
        return Math.max(decayed, Math.min(lr, lrSchedulerMinimumLr));
    }
}
