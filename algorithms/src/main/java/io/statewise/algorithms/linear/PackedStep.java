package io.statewise.algorithms.linear;

import io.statewise.algorithms.data.Batch;
import java.util.Arrays;

/**
 * One optimizer step of every packed model on one mini-batch, applied to a live training partial. The batch is read
 * twice, each time for all models at once: scores {@code S = X' W} (on normalized features {@code x' = (x - shift) /
 * scale}, computed on raw features with weights {@code W / scale} and offsets, so sparse records stay sparse), then
 * per-record loss gradients {@code G}, then {@code X'^T G} (again on raw features: {@code (X^T G - shift sum_i G_i) /
 * scale}). The optimizer then updates every parameter of every active model with its own learning rate, L2 and L1.
 *
 * <p>Losses are progressive: each record's loss is measured with the weights from before the step that uses it, an
 * honest estimate of the loss on unseen data (the "progressive validation" of Blum, Kalai and Langford, COLT 1999).
 *
 * <p>A model whose batch loss or any updated parameter is NaN or infinite diverged: its parameters go back to the
 * partial's base, its optimizer moments to zero, and it is flagged, so its change is 0 and it never poisons a merge;
 * the other models are untouched (every loop keeps models in separate columns).
 */
final class PackedStep {

    private static final double EPSILON = 1e-8;

    private PackedStep() {}

    /**
     * Trains {@code state} (a live DELTA) on the batch.
     *
     * @param settings the packed models' settings. Not modified.
     * @throws IllegalArgumentException on a label the predictor type does not accept or a non-finite feature
     */
    static void apply(LinearState state, Batch batch, LinearConfig cfg, PackedSetting[] settings) {
        int n = batch.size();
        StateShape shape = state.shape;
        int d = shape.dimension();
        int models = shape.models();
        int outputs = shape.outputs();
        int width = shape.width();
        float[] labels = batch.labels();
        RecordCheck.labels(cfg.predictorType(), cfg.numClasses(), labels, n);
        RecordCheck.features(batch, n);

        LinearState.Scratch sc = state.scratch();
        sc.ensure(n);
        boolean[] active = sc.active;
        for (int m = 0; m < models; m++) active[m] = !state.frozen[m] && !state.diverged[m];

        double[] target = sc.target;
        double[] weight = sc.exampleWeight;
        boolean binary = cfg.predictorType() == PredictorType.BINARY_CLASSIFIER;
        boolean regression = cfg.predictorType() == PredictorType.REGRESSOR;
        for (int i = 0; i < n; i++) {
            float y = labels[i];
            target[i] = regression ? (y - state.labelShift) / state.labelScale : y;
            weight[i] = binary && y == 1 ? state.positiveWeight : 1;
            if (state.labelCounts.length > 0) state.labelCounts[(int) y] += 1;
        }

        PackedKernel.onRawFeatures(state.weights, state.shift, state.scale, width, sc.effective, sc.offset);
        sc.layout.load(batch);
        PackedKernel.scores(sc.layout, sc.effective, sc.offset, width, sc.scores);
        Arrays.fill(sc.batchLoss, 0);
        double totalWeight = sc.losses.apply(cfg.loss(), n, models, outputs, sc.scores, target, weight,
                state.diverged, sc.batchLoss, binary ? state.running : null);
        boolean[] diverging = sc.diverging;
        Arrays.fill(diverging, false);
        for (int m = 0; m < models; m++) {
            if (state.diverged[m]) continue;
            if (Double.isFinite(sc.batchLoss[m])) {
                state.running.addLoss(m, sc.batchLoss[m], totalWeight);
            } else if (active[m]) {
                diverging[m] = true;
                active[m] = false;
            }
        }
        PackedKernel.gradient(sc.layout, sc.scores, width, sc.gradient, sc.gradientSum);

        long step = state.baseSteps + state.steps;
        for (int m = 0; m < models; m++) {
            sc.rate[m] = active[m] ? cfg.scheduledRate(settings[m].learningRate(), step) : 0;
        }
        switch (cfg.optimizer()) {
            case SGD -> sgd(state, sc, cfg, settings, diverging);
            case ADAM -> adam(state, sc, cfg, settings, step, diverging);
            case RMSPROP -> rmsprop(state, sc, cfg, settings, diverging);
        }
        state.steps++;
        for (int m = 0; m < models; m++) {
            if (diverging[m]) resetDiverged(state, m);
        }
    }

    /** The gradient of parameter {@code (row, k)} on normalized features, without regularization. */
    private static double gradient(LinearState s, LinearState.Scratch sc, int row, int k, int d, int width) {
        if (row == d) return sc.gradientSum[k];
        return (sc.gradient[row][k] - s.shift[row] * sc.gradientSum[k]) / s.scale[row];
    }

    /** Rows to update: every feature row, plus the bias row if biases are learned. */
    private static int rows(LinearState s, LinearConfig cfg) {
        return s.shape.dimension() + (cfg.useBias() ? 1 : 0);
    }

    private static void sgd(LinearState s, LinearState.Scratch sc, LinearConfig cfg, PackedSetting[] settings,
                            boolean[] diverging) {
        int d = s.shape.dimension();
        int outputs = s.shape.outputs();
        int width = s.shape.width();
        float[] w = s.weights;
        float[] v = s.moment1;
        double mu = cfg.momentum();
        for (int row = 0, rows = rows(s, cfg); row < rows; row++) {
            for (int m = 0; m < s.shape.models(); m++) {
                if (!sc.active[m]) continue;
                double lr = sc.rate[m];
                double wd = row < d ? settings[m].wd() : 0;
                double l1 = row < d ? lr * settings[m].l1() : 0;
                for (int c = 0; c < outputs; c++) {
                    int k = m * outputs + c;
                    int i = row * width + k;
                    double g = gradient(s, sc, row, k, d, width) + wd * w[i];
                    double vel = mu * v[i] - lr * g;
                    double next = prox(w[i] + vel, l1);
                    v[i] = (float) vel;
                    w[i] = (float) next;
                    if (!Float.isFinite(w[i])) diverging[m] = true;
                }
            }
        }
    }

    private static void adam(LinearState s, LinearState.Scratch sc, LinearConfig cfg, PackedSetting[] settings,
                             long step, boolean[] diverging) {
        int d = s.shape.dimension();
        int outputs = s.shape.outputs();
        int width = s.shape.width();
        float[] w = s.weights;
        float[] m1 = s.moment1;
        float[] m2 = s.moment2;
        double b1 = cfg.beta1();
        double b2 = cfg.beta2();
        double t = step + 1.0;
        double correction = Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
        for (int row = 0, rows = rows(s, cfg); row < rows; row++) {
            for (int m = 0; m < s.shape.models(); m++) {
                if (!sc.active[m]) continue;
                double lr = sc.rate[m];
                double stepSize = lr * correction;
                double wd = row < d ? settings[m].wd() : 0;
                double l1 = row < d ? lr * settings[m].l1() : 0;
                for (int c = 0; c < outputs; c++) {
                    int k = m * outputs + c;
                    int i = row * width + k;
                    double g = gradient(s, sc, row, k, d, width) + wd * w[i];
                    double first = b1 * m1[i] + (1 - b1) * g;
                    double second = b2 * m2[i] + (1 - b2) * g * g;
                    double next = prox(w[i] - stepSize * first / (Math.sqrt(second) + EPSILON), l1);
                    m1[i] = (float) first;
                    m2[i] = (float) second;
                    w[i] = (float) next;
                    if (!Float.isFinite(w[i])) diverging[m] = true;
                }
            }
        }
    }

    private static void rmsprop(LinearState s, LinearState.Scratch sc, LinearConfig cfg, PackedSetting[] settings,
                                boolean[] diverging) {
        int d = s.shape.dimension();
        int outputs = s.shape.outputs();
        int width = s.shape.width();
        float[] w = s.weights;
        float[] ms = s.moment2;
        double decay = cfg.beta2();
        for (int row = 0, rows = rows(s, cfg); row < rows; row++) {
            for (int m = 0; m < s.shape.models(); m++) {
                if (!sc.active[m]) continue;
                double lr = sc.rate[m];
                double wd = row < d ? settings[m].wd() : 0;
                double l1 = row < d ? lr * settings[m].l1() : 0;
                for (int c = 0; c < outputs; c++) {
                    int k = m * outputs + c;
                    int i = row * width + k;
                    double g = gradient(s, sc, row, k, d, width) + wd * w[i];
                    double second = decay * ms[i] + (1 - decay) * g * g;
                    double next = prox(w[i] - lr * g / (Math.sqrt(second) + EPSILON), l1);
                    ms[i] = (float) second;
                    w[i] = (float) next;
                    if (!Float.isFinite(w[i])) diverging[m] = true;
                }
            }
        }
    }

    /**
     * The proximal step of L1 regularization with threshold {@code t = lr * l1}: soft thresholding
     * {@code sign(w) max(0, |w| - t)} (Duchi and Singer, "Efficient online and batch learning using forward backward
     * splitting", JMLR 2009), which sets small weights exactly to zero.
     */
    static double prox(double w, double t) {
        if (t <= 0) return w;
        if (w > t) return w - t;
        if (w < -t) return w + t;
        return 0;
    }

    /** Puts diverged model {@code m} back to the base's parameters with zero moments, and flags it. */
    private static void resetDiverged(LinearState s, int m) {
        int outputs = s.shape.outputs();
        int width = s.shape.width();
        for (int row = 0; row <= s.shape.dimension(); row++) {
            for (int c = 0; c < outputs; c++) {
                int i = row * width + m * outputs + c;
                s.weights[i] = s.baseWeights[i];
                s.moment1[i] = 0;
                s.moment2[i] = 0;
            }
        }
        s.diverged[m] = true;
    }
}
