package io.statewise.algorithms.linear;

import io.statewise.algorithms.Model;
import io.statewise.algorithms.Prediction;
import java.util.Arrays;

/**
 * A trained linear model: the packed model finalize selected, with the normalizer folded into its weights and bias so
 * that it takes raw features ({@code w_j / scale_j} and {@code b - sum_j w_j shift_j / scale_j}, and for normalized
 * regression labels the label scale and shift on top). Immutable: the constructor and accessors copy arrays.
 *
 * @param predictorType   what it predicts
 * @param weights         one row of {@code d} weights per output: {@code num_classes} rows for a multiclass
 *                        classifier, one otherwise; finite
 * @param bias            one bias per output; finite
 * @param threshold       a binary classifier's tuned threshold on the probability of class 1 (0.5 untuned); unused by
 *                        the other types (0.5)
 * @param selectedModel   the index of the selected packed model
 * @param selectedSetting its learning rate and regularization
 * @param modelLosses     every packed model's selection loss (mean training loss of the last epoch, or validation
 *                        loss), NaN for a diverged model or one without data
 * @param divergedModels  indices of the packed models that diverged (loss or weights NaN or infinite), ascending
 */
public record LinearModel(PredictorType predictorType, float[][] weights, float[] bias, double threshold,
                          int selectedModel, PackedSetting selectedSetting, double[] modelLosses,
                          int[] divergedModels) implements Model {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException on inconsistent shapes or non-finite parameters
     */
    public LinearModel {
        if (predictorType == null || selectedSetting == null) throw new IllegalArgumentException("missing field");
        if (weights == null || weights.length == 0 || weights[0].length == 0) {
            throw new IllegalArgumentException("a linear model needs at least one output and one feature");
        }
        int expected = predictorType == PredictorType.MULTICLASS_CLASSIFIER ? Math.max(3, weights.length) : 1;
        if (weights.length != expected || bias == null || bias.length != weights.length) {
            throw new IllegalArgumentException(predictorType.parameterValue() + " with " + weights.length
                    + " weight rows and " + (bias == null ? 0 : bias.length) + " biases");
        }
        int d = weights[0].length;
        float[][] copy = new float[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            if (weights[c].length != d) throw new IllegalArgumentException("weight rows differ in length");
            for (float v : weights[c]) {
                if (!Float.isFinite(v)) throw new IllegalArgumentException("weights of output " + c + " not finite");
            }
            if (!Float.isFinite(bias[c])) throw new IllegalArgumentException("bias of output " + c + " not finite");
            copy[c] = weights[c].clone();
        }
        if (!(threshold >= 0 && threshold <= 1)) throw new IllegalArgumentException("threshold " + threshold);
        if (modelLosses == null || selectedModel < 0 || selectedModel >= modelLosses.length) {
            throw new IllegalArgumentException("selected model " + selectedModel + " of "
                    + (modelLosses == null ? 0 : modelLosses.length));
        }
        weights = copy;
        bias = bias.clone();
        modelLosses = modelLosses.clone();
        divergedModels = divergedModels == null ? new int[0] : divergedModels.clone();
    }

    /** A copy of the weights, one row per output. */
    @Override
    public float[][] weights() {
        float[][] out = new float[weights.length][];
        for (int c = 0; c < weights.length; c++) out[c] = weights[c].clone();
        return out;
    }

    /** A copy of the biases. */
    @Override
    public float[] bias() {
        return bias.clone();
    }

    /** A copy of the per-model losses. */
    @Override
    public double[] modelLosses() {
        return modelLosses.clone();
    }

    /** A copy of the diverged models' indices. */
    @Override
    public int[] divergedModels() {
        return divergedModels.clone();
    }

    /** Outputs: classes of a multiclass classifier, else 1. */
    public int outputs() {
        return weights.length;
    }

    @Override
    public String algorithm() {
        return LinearLearnerProvider.NAME;
    }

    @Override
    public int featureDimension() {
        return weights[0].length;
    }

    /** The linear output {@code c} on raw features: {@code bias_c + w_c . x}, in double. */
    public double output(int c, float[] features) {
        float[] w = weights[c];
        double z = bias[c];
        for (int j = 0; j < w.length; j++) z += (double) w[j] * features[j];
        return z;
    }

    /**
     * The prediction for raw features: a {@link Regression}, a {@link BinaryPrediction} or a
     * {@link MulticlassPrediction}.
     *
     * @param features {@link #featureDimension()} values. Not modified.
     * @throws IllegalArgumentException if the length is not {@link #featureDimension()}
     */
    @Override
    public Prediction predict(float[] features) {
        if (features.length != featureDimension()) {
            throw new IllegalArgumentException("expected " + featureDimension() + " features, got "
                    + features.length);
        }
        return switch (predictorType) {
            case REGRESSOR -> new Regression(output(0, features));
            case BINARY_CLASSIFIER -> {
                double p = Loss.sigmoid(output(0, features));
                yield new BinaryPrediction(p, p >= threshold ? 1 : 0);
            }
            case MULTICLASS_CLASSIFIER -> {
                double[] z = new double[weights.length];
                int best = 0;
                for (int c = 0; c < z.length; c++) {
                    z[c] = output(c, features);
                    if (z[c] > z[best]) best = c;
                }
                double sum = 0;
                for (int c = 0; c < z.length; c++) {
                    z[c] = Math.exp(z[c] - z[best]);
                    sum += z[c];
                }
                for (int c = 0; c < z.length; c++) z[c] /= sum;
                yield new MulticlassPrediction(best, z);
            }
        };
    }

    /** Equal values, array by array. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LinearModel m && m.predictorType == predictorType && Arrays.deepEquals(m.weights, weights)
                && Arrays.equals(m.bias, bias) && Double.compare(m.threshold, threshold) == 0
                && m.selectedModel == selectedModel && m.selectedSetting.equals(selectedSetting)
                && Arrays.equals(m.modelLosses, modelLosses) && Arrays.equals(m.divergedModels, divergedModels);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(weights) * 31 + Arrays.hashCode(bias) + selectedModel;
    }

    @Override
    public String toString() {
        return "LinearModel[" + predictorType.parameterValue() + ", d=" + featureDimension() + ", outputs="
                + outputs() + ", model " + selectedModel + " " + selectedSetting + ", threshold " + threshold + "]";
    }
}
