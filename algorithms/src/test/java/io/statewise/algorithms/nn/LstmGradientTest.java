package io.statewise.algorithms.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The LSTM's backpropagation through time and the embedding's backward pass against finite differences. */
class LstmGradientTest {

    private static final GradientCheck CHECK = GradientCheck.standard();

    @Test
    void backpropagationThroughTimeMatchesFiniteDifferences() {
        Random r = new Random(11);
        int steps = 6;
        int n = 3;
        int in = 4;
        int hidden = 5;
        ParameterLayout.Builder b = ParameterLayout.builder();
        b.weights("pad", 1, 2); // the layer's slices start at an offset
        Lstm.declare(b, "lstm", in, hidden);
        ParameterLayout layout = b.build();
        Lstm lstm = Lstm.in(layout, "lstm");
        float[] params = GradientCheck.gaussian(r, layout.size(), 0.5);
        float[] x = GradientCheck.gaussian(r, steps * n * in, 1);
        float[] c = GradientCheck.gaussian(r, steps * n * hidden, 1);
        LstmTrace trace = new LstmTrace();
        GradientCheck.Objective f = () -> {
            lstm.forward(params, x, steps, n, trace);
            return NnGradientTest.dot(c, trace.outputs(), steps * n * hidden);
        };
        f.value();
        float[] grad = new float[layout.size()];
        float[] dx = new float[x.length];
        lstm.backward(params, x, steps, n, trace, c, grad, dx);
        CHECK.check("lstm input weights", f, params, grad, lstm.input().offset(), lstm.input().end(), 1);
        CHECK.check("lstm recurrent weights", f, params, grad, lstm.recurrent().offset(), lstm.recurrent().end(), 2);
        CHECK.check("lstm bias", f, params, grad, lstm.bias().offset(), lstm.bias().end(), 3);
        CHECK.check("lstm inputs over time", f, x, dx, 0, x.length, 4);
    }

    @Test
    void stepByStepEqualsTheUnrolledPass() {
        Random r = new Random(12);
        int steps = 5;
        int n = 2;
        int in = 3;
        int hidden = 4;
        ParameterLayout.Builder b = ParameterLayout.builder();
        Lstm.declare(b, "lstm", in, hidden);
        ParameterLayout layout = b.build();
        Lstm lstm = Lstm.in(layout, "lstm");
        float[] params = new float[layout.size()];
        lstm.initialize(params, new GaussianSampler(3));
        assertEquals(1f, params[lstm.bias().offset() + hidden], "the forget gate's bias starts at 1");
        float[] x = GradientCheck.gaussian(r, steps * n * in, 1);
        LstmTrace trace = new LstmTrace();
        lstm.forward(params, x, steps, n, trace);
        float[] h = new float[n * hidden];
        float[] cell = new float[n * hidden];
        float[] gates = new float[n * 4 * hidden];
        for (int t = 0; t < steps; t++) {
            lstm.step(params, x, t * n * in, n, h, cell, gates);
            float[] unrolled = java.util.Arrays.copyOfRange(trace.outputs(), t * n * hidden, (t + 1) * n * hidden);
            assertArrayEquals(unrolled, h, 1e-6f, "step " + t);
        }
    }

    @Test
    void embeddingGradientSumsOverLookups() {
        Random r = new Random(13);
        ParameterLayout.Builder b = ParameterLayout.builder();
        Embedding.declare(b, "cat", 4, 3);
        ParameterLayout layout = b.build();
        Embedding e = Embedding.in(layout, "cat");
        float[] params = GradientCheck.gaussian(r, layout.size(), 1);
        int[] values = {2, 0, 2, 3};
        float[] c = GradientCheck.gaussian(r, values.length * 3, 1);
        float[] out = new float[values.length * 3];
        GradientCheck.Objective f = () -> {
            for (int i = 0; i < values.length; i++) e.forward(params, values[i], out, 3 * i);
            return NnGradientTest.dot(c, out, out.length);
        };
        float[] grad = new float[layout.size()];
        for (int i = 0; i < values.length; i++) e.backward(values[i], c, 3 * i, grad);
        CHECK.check("embedding", f, params, grad, 0, layout.size(), 5);
    }

    @Test
    void specialFunctionsMatchKnownValuesAndEachOther() {
        assertEquals(0, SpecialFunctions.logGamma(1), 1e-12);
        assertEquals(0, SpecialFunctions.logGamma(2), 1e-12);
        assertEquals(Math.log(24), SpecialFunctions.logGamma(5), 1e-12);
        assertEquals(0.5 * Math.log(Math.PI), SpecialFunctions.logGamma(0.5), 1e-12);
        assertEquals(-0.5772156649015329, SpecialFunctions.digamma(1), 1e-10);
        for (double x : new double[] {0.05, 0.3, 1.7, 4.2, 13, 250}) {
            double h = 1e-5 * x;
            double numeric = (SpecialFunctions.logGamma(x + h) - SpecialFunctions.logGamma(x - h)) / (2 * h);
            assertEquals(numeric, SpecialFunctions.digamma(x), 1e-6 * Math.max(1, Math.abs(numeric)), "x=" + x);
        }
    }
}
