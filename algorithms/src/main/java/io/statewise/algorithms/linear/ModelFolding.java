package io.statewise.algorithms.linear;

import java.util.Arrays;

/**
 * Turns a state into the {@link LinearModel} finalize returns: checks the labels seen, selects a packed model
 * ({@link ModelSelection}) and folds the normalizer into its weights so the model takes raw features.
 */
final class ModelFolding {

    private ModelFolding() {}

    /**
     * The model of a MODEL state, selected by {@code losses} and {@code histograms}.
     *
     * @param losses     per-model selection losses (NaN unknown). Not modified.
     * @param histograms per-model score histograms (binary classifiers). Not modified.
     * @throws IllegalArgumentException if a classifier saw a single class
     * @throws IllegalStateException if every packed model diverged
     */
    static LinearModel model(LinearState s, LinearConfig cfg, PackedSetting[] settings, double[] losses,
                             PackedScores histograms) {
        checkClasses(s, cfg);
        int models = s.shape.models();
        int[] divergedModels = divergedModels(s);
        if (divergedModels.length == models) {
            throw new IllegalStateException("all " + models + " packed models diverged (their loss or weights became"
                    + " NaN or infinite): lower learning_rate, or check the data's scale (normalize_data="
                    + cfg.normalizeData() + ")");
        }
        ModelSelection.Choice choice = ModelSelection.select(cfg, losses, histograms, s.diverged);
        double[] reported = losses.clone();
        for (int m : divergedModels) reported[m] = Double.NaN;
        int d = s.shape.dimension();
        int outputs = s.shape.outputs();
        int width = s.shape.width();
        float[][] w = new float[outputs][d];
        float[] bias = new float[outputs];
        double ls = s.labelScale;
        for (int c = 0; c < outputs; c++) {
            int k = choice.model() * outputs + c;
            double b = s.weights[d * width + k];
            for (int j = 0; j < d; j++) {
                double raw = s.weights[j * width + k] / s.scale[j];
                w[c][j] = (float) (ls * raw);
                b -= raw * s.shift[j];
            }
            bias[c] = (float) (ls * b + s.labelShift);
        }
        return new LinearModel(cfg.predictorType(), w, bias, choice.threshold(), choice.model(),
                settings[choice.model()], reported, divergedModels);
    }

    /**
     * The model of a state that has not trained (SCALING): all weights and biases 0, threshold 0.5, model 0. Defined
     * so that finalize works at any time, as the contract asks.
     */
    static LinearModel untrained(LinearState s, LinearConfig cfg, PackedSetting[] settings) {
        checkClasses(s, cfg);
        int outputs = s.shape.outputs();
        double[] losses = new double[s.shape.models()];
        Arrays.fill(losses, Double.NaN);
        return new LinearModel(cfg.predictorType(), new float[outputs][s.shape.dimension()], new float[outputs], 0.5,
                0, settings[0], losses, new int[0]);
    }

    /** The per-model losses selection reads from the training pass: the current epoch's if any, else the last one's. */
    static double[] trainingLosses(LinearState s) {
        double[] out = new double[s.shape.models()];
        for (int m = 0; m < out.length; m++) {
            double running = s.running.meanLoss(m);
            out[m] = Double.isNaN(running) ? s.lastLoss[m] : running;
        }
        return out;
    }

    private static int[] divergedModels(LinearState s) {
        int count = 0;
        for (boolean b : s.diverged) {
            if (b) count++;
        }
        int[] out = new int[count];
        for (int m = 0, i = 0; m < s.diverged.length; m++) {
            if (s.diverged[m]) out[i++] = m;
        }
        return out;
    }

    /**
     * Fails if a classifier's labels (scaler sample and training records) are all of one class: no classifier can be
     * learned from them, and SageMaker fails such jobs too.
     */
    static void checkClasses(LinearState s, LinearConfig cfg) {
        if (s.labelCounts.length == 0) return;
        int present = 0;
        int only = -1;
        double total = 0;
        for (int c = 0; c < s.labelCounts.length; c++) {
            total += s.labelCounts[c];
            if (s.labelCounts[c] > 0) {
                present++;
                only = c;
            }
        }
        if (present != 1) return;
        String needs = cfg.predictorType() == PredictorType.BINARY_CLASSIFIER
                ? "needs records of both classes 0 and 1" : "needs records of at least two classes";
        throw new IllegalArgumentException("all " + (long) total + " labels seen in training are " + only
                + ": predictor_type=" + cfg.predictorType().parameterValue() + " " + needs);
    }
}
