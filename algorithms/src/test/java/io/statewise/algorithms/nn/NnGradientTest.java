package io.statewise.algorithms.nn;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every layer's hand-derived backward pass against finite differences ({@link GradientCheck}). */
class NnGradientTest {

    private static final GradientCheck CHECK = GradientCheck.standard();

    /** {@code sum c .* y}, in double: the scalar whose gradient with respect to {@code y} is {@code c}. */
    static double dot(float[] c, float[] y, int count) {
        double s = 0;
        for (int i = 0; i < count; i++) s += (double) c[i] * y[i];
        return s;
    }

    @Test
    void denseLayerWeightsBiasAndInputs() {
        Random r = new Random(1);
        int n = 6;
        int in = 7;
        int out = 5;
        ParameterLayout.Builder b = ParameterLayout.builder();
        b.weights("pad", 1, 3); // the layer's slices start at an offset
        Dense.declare(b, "layer", in, out);
        ParameterLayout layout = b.build();
        Dense dense = Dense.in(layout, "layer");
        float[] params = GradientCheck.gaussian(r, layout.size(), 0.5);
        float[] x = GradientCheck.gaussian(r, n * in, 1);
        float[] c = GradientCheck.gaussian(r, n * out, 1);
        float[] y = new float[n * out];
        GradientCheck.Objective f = () -> {
            dense.forward(params, x, n, y);
            return dot(c, y, n * out);
        };
        float[] grad = new float[layout.size()];
        float[] dx = new float[n * in];
        dense.backward(params, x, c, n, grad, dx);
        CHECK.check("dense weights and bias", f, params, grad, dense.weight().offset(), dense.bias().end(), 2);
        CHECK.check("dense input", f, x, dx, 0, x.length, 3);
    }

    @Test
    void denseLayerOnSparseRows() {
        Random r = new Random(4);
        int n = 5;
        int in = 30;
        int out = 4;
        ParameterLayout.Builder b = ParameterLayout.builder();
        Dense.declare(b, "layer", in, out);
        ParameterLayout layout = b.build();
        Dense dense = Dense.in(layout, "layer");
        float[] params = GradientCheck.gaussian(r, layout.size(), 0.5);
        int[] rowStart = new int[n + 1];
        int[] indices = new int[n * in];
        float[] values = new float[n * in];
        float[] dense0 = new float[n * in];
        int nnz = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < in; j++) {
                if (r.nextDouble() < 0.2) {
                    indices[nnz] = j;
                    values[nnz] = 1 + r.nextInt(4);
                    dense0[i * in + j] = values[nnz];
                    nnz++;
                }
            }
            rowStart[i + 1] = nnz;
        }
        float[] c = GradientCheck.gaussian(r, n * out, 1);
        float[] y = new float[n * out];
        GradientCheck.Objective f = () -> {
            dense.forwardSparse(params, rowStart, indices, values, n, y);
            return dot(c, y, n * out);
        };
        float[] grad = new float[layout.size()];
        dense.backwardSparse(rowStart, indices, values, n, c, grad);
        CHECK.check("sparse dense layer", f, params, grad, 0, layout.size(), 5);
        float[] viaDense = new float[n * out];
        dense.forward(params, dense0, n, viaDense);
        f.value();
        for (int i = 0; i < y.length; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(viaDense[i], y[i], 1e-5, "sparse and dense forward");
        }
    }

    @Test
    void everyActivation() {
        for (Activation act : Activation.values()) {
            Random r = new Random(act.ordinal() + 10);
            int count = 40;
            float[] z = GradientCheck.gaussian(r, count, 2);
            for (int i = 0; i < count; i++) {
                if (Math.abs(z[i]) < 0.05) z[i] += 0.2f; // relu's kink
            }
            float[] c = GradientCheck.gaussian(r, count, 1);
            float[] a = new float[count];
            GradientCheck.Objective f = () -> {
                System.arraycopy(z, 0, a, 0, count);
                act.apply(a, count);
                return dot(c, a, count);
            };
            f.value();
            float[] dz = c.clone();
            act.backward(a, dz, count);
            CHECK.check(act + " activation", f, z, dz, 0, count, 6);
        }
    }

    @Test
    void softmaxAndLogSoftmax() {
        Random r = new Random(7);
        int n = 4;
        int m = 9;
        float[] z = GradientCheck.gaussian(r, n * m, 2);
        float[] c = GradientCheck.gaussian(r, n * m, 1);
        float[] p = new float[n * m];
        float[] l = new float[n * m];
        GradientCheck.Objective soft = () -> {
            Softmax.rows(z, n, m, p);
            return dot(c, p, n * m);
        };
        GradientCheck.Objective log = () -> {
            Softmax.logRows(z, n, m, l);
            return dot(c, l, n * m);
        };
        soft.value();
        float[] dz = new float[n * m];
        Softmax.backward(p, c, n, m, dz);
        CHECK.check("softmax", soft, z, dz, 0, z.length, 8);
        float[] dzLog = new float[n * m];
        Softmax.logBackward(p, c, n, m, dzLog);
        CHECK.check("log-softmax", log, z, dzLog, 0, z.length, 9);
    }

    @Test
    void batchNormInTrainingMode() {
        Random r = new Random(11);
        int n = 8;
        int m = 5;
        ParameterLayout.Builder b = ParameterLayout.builder();
        BatchNorm.declare(b, "bn", m);
        ParameterLayout layout = b.build();
        BatchNorm bn = BatchNorm.in(layout, "bn");
        float[] params = new float[layout.size()];
        bn.initialize(params);
        for (int j = 0; j < m; j++) {
            params[bn.gamma().offset() + j] = (float) (1 + 0.3 * r.nextGaussian());
            params[bn.beta().offset() + j] = (float) (0.3 * r.nextGaussian());
        }
        float[] x = GradientCheck.gaussian(r, n * m, 2);
        float[] c = GradientCheck.gaussian(r, n * m, 1);
        float[] y = new float[n * m];
        float[] xhat = new float[n * m];
        float[] inv = new float[m];
        float[] mean = new float[m];
        GradientCheck.Objective f = () -> {
            bn.forwardTraining(params, x, n, y, xhat, mean, inv);
            return dot(c, y, n * m);
        };
        f.value();
        float[] grad = new float[layout.size()];
        float[] dx = new float[n * m];
        bn.backward(params, c, xhat, inv, n, grad, dx);
        CHECK.check("batch norm gamma and beta", f, params, grad, 0, layout.trainableSize(), 12);
        CHECK.check("batch norm input", f, x, dx, 0, x.length, 13);
    }
}
