package io.statewise.algorithms.nn;

import java.util.Arrays;

/**
 * Batch normalization of {@code n x m} blocks, per column (Ioffe and Szegedy, ICML 2015): in training mode
 * {@code y = gamma (x - mean_B) / sqrt(var_B + eps) + beta} with the batch's mean and (biased) variance, while the
 * running statistics follow {@code r = momentum r + (1 - momentum) batch}; in inference mode the running statistics
 * stand in for the batch's. {@code gamma} and {@code beta} are trainable ({@code <name>.gamma}, {@code <name>.beta});
 * the running mean and variance are buffers ({@code <name>.runningMean}, {@code <name>.runningVar}).
 *
 * @param gamma       scale, {@code m}
 * @param beta        shift, {@code m}
 * @param runningMean buffer, {@code m}
 * @param runningVar  buffer, {@code m}
 * @param momentum    decay of the running statistics, in [0, 1)
 * @param epsilon     added to variances, {@code > 0}
 */
public record BatchNorm(ParameterSlice gamma, ParameterSlice beta, ParameterSlice runningMean,
                        ParameterSlice runningVar, double momentum, double epsilon) {

    /** MXNet's defaults. */
    public static final double MOMENTUM = 0.9;
    public static final double EPSILON = 1e-5;

    public BatchNorm {
        int m = gamma.size();
        if (beta.size() != m || runningMean.size() != m || runningVar.size() != m) {
            throw new IllegalArgumentException(gamma.name() + ": slices of different sizes");
        }
    }

    /** Declares the slices of a batch norm {@code name} over {@code m} columns. */
    public static void declare(ParameterLayout.Builder builder, String name, int m) {
        builder.weights(name + ".gamma", 1, m).weights(name + ".beta", 1, m)
                .buffer(name + ".runningMean", m).buffer(name + ".runningVar", m);
    }

    /** The batch norm {@code name} declared in {@code layout}, with MXNet's momentum and epsilon. */
    public static BatchNorm in(ParameterLayout layout, String name) {
        return new BatchNorm(layout.slice(name + ".gamma"), layout.slice(name + ".beta"),
                layout.slice(name + ".runningMean"), layout.slice(name + ".runningVar"), MOMENTUM, EPSILON);
    }

    /** Columns. */
    public int width() {
        return gamma.size();
    }

    /** {@code gamma = 1}, {@code beta = 0}, running mean 0 and variance 1. Modifies this layer's slices. */
    public void initialize(float[] params) {
        Arrays.fill(params, gamma.offset(), gamma.end(), 1f);
        Arrays.fill(params, beta.offset(), beta.end(), 0f);
        Arrays.fill(params, runningMean.offset(), runningMean.end(), 0f);
        Arrays.fill(params, runningVar.offset(), runningVar.end(), 1f);
    }

    /**
     * Training mode over {@code n >= 1} rows. The running statistics are not touched: call {@link #updateRunning}
     * once the step is known to be good, so that a diverged batch cannot poison them.
     *
     * @param xhat   receives the normalized inputs ({@code n x m}), kept for {@link #backward}
     * @param mean   receives the batch means ({@code m})
     * @param invStd receives {@code 1 / sqrt(var_B + eps)} ({@code m}), kept for {@link #backward}
     */
    public void forwardTraining(float[] params, float[] x, int n, float[] y, float[] xhat, float[] mean,
                                float[] invStd) {
        int m = width();
        for (int j = 0; j < m; j++) {
            double mu = 0;
            for (int i = 0; i < n; i++) mu += x[i * m + j];
            mu /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = x[i * m + j] - mu;
                var += d * d;
            }
            var /= n;
            double inv = 1 / Math.sqrt(var + epsilon);
            mean[j] = (float) mu;
            invStd[j] = (float) inv;
            float g = params[gamma.offset() + j];
            float b = params[beta.offset() + j];
            for (int i = 0; i < n; i++) {
                float h = (float) ((x[i * m + j] - mu) * inv);
                xhat[i * m + j] = h;
                y[i * m + j] = g * h + b;
            }
        }
    }

    /** Moves the running statistics in {@code params} toward a batch's, given what {@link #forwardTraining} kept. */
    public void updateRunning(float[] params, float[] mean, float[] invStd) {
        for (int j = 0; j < width(); j++) {
            double var = Math.max(0, 1 / ((double) invStd[j] * invStd[j]) - epsilon);
            int rm = runningMean.offset() + j;
            int rv = runningVar.offset() + j;
            params[rm] = (float) (momentum * params[rm] + (1 - momentum) * mean[j]);
            params[rv] = (float) (momentum * params[rv] + (1 - momentum) * var);
        }
    }

    /** Inference mode: the running statistics normalize. {@code y} may be {@code x}. */
    public void forwardInference(float[] params, float[] x, int n, float[] y) {
        int m = width();
        for (int j = 0; j < m; j++) {
            double scale = inferenceScale(params, j);
            double shift = inferenceShift(params, j, scale);
            for (int i = 0; i < n; i++) y[i * m + j] = (float) (scale * x[i * m + j] + shift);
        }
    }

    /** Column {@code j}'s inference-mode scale, {@code gamma / sqrt(var + eps)}. */
    public double inferenceScale(float[] params, int j) {
        return params[gamma.offset() + j] / Math.sqrt(params[runningVar.offset() + j] + epsilon);
    }

    /** Column {@code j}'s inference-mode shift, {@code beta - scale * mean}, for its {@link #inferenceScale}. */
    public double inferenceShift(float[] params, int j, double scale) {
        return params[beta.offset() + j] - scale * params[runningMean.offset() + j];
    }

    /**
     * Backward of training mode: {@code grad[gamma] += sum dy xhat}, {@code grad[beta] += sum dy}, and
     * {@code dx = invStd / n (n dxhat - sum dxhat - xhat sum(dxhat xhat))} with {@code dxhat = gamma dy}.
     * {@code dx} may be {@code dy}.
     */
    public void backward(float[] params, float[] dy, float[] xhat, float[] invStd, int n, float[] grad, float[] dx) {
        int m = width();
        for (int j = 0; j < m; j++) {
            double sumDy = 0;
            double sumDyXhat = 0;
            for (int i = 0; i < n; i++) {
                sumDy += dy[i * m + j];
                sumDyXhat += (double) dy[i * m + j] * xhat[i * m + j];
            }
            grad[gamma.offset() + j] += (float) sumDyXhat;
            grad[beta.offset() + j] += (float) sumDy;
            double g = params[gamma.offset() + j];
            double scale = g * invStd[j] / n;
            for (int i = 0; i < n; i++) {
                int k = i * m + j;
                dx[k] = (float) (scale * (n * (double) dy[k] - sumDy - xhat[k] * sumDyXhat));
            }
        }
    }
}
