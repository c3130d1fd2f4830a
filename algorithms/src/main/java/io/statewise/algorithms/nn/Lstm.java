package io.statewise.algorithms.nn;

import java.util.Arrays;

/**
 * A long short-term memory layer (Hochreiter and Schmidhuber, 1997; the form without peepholes of Graves, 2013) over
 * a mini-batch of sequences, with backpropagation through time derived by hand:
 * <pre>
 *   a_t = x_t W + h_{t-1} U + b          (4H pre-activations: input, forget, cell, output gates)
 *   i = sigmoid, f = sigmoid, g = tanh, o = sigmoid of their quarters of a_t
 *   c_t = f c_{t-1} + i g,   h_t = o tanh(c_t),   h_0 = c_0 = 0
 * </pre>
 * {@code W} ({@code <name>.input}, {@code in x 4H}), {@code U} ({@code <name>.recurrent}, {@code H x 4H}) and
 * {@code b} ({@code <name>.bias}, {@code 4H}) are slices of a flat parameter vector. Sequences are time-major:
 * row {@code t * n + s} of an input block is step {@code t} of sequence {@code s}. Stateless: parameters, gradients
 * and the {@link LstmTrace} of a forward pass are arguments.
 *
 * @param input     {@code in x 4H}
 * @param recurrent {@code H x 4H}
 * @param bias      {@code 1 x 4H}
 */
public record Lstm(ParameterSlice input, ParameterSlice recurrent, ParameterSlice bias) {

    public Lstm {
        int gates = recurrent.cols();
        if (gates % 4 != 0 || recurrent.rows() * 4 != gates || input.cols() != gates || bias.size() != gates) {
            throw new IllegalArgumentException(input.name() + ": inconsistent LSTM slices " + input + ", "
                    + recurrent + ", " + bias);
        }
    }

    /** Declares the slices of a layer {@code name} with {@code in} inputs and {@code hidden} cells. */
    public static void declare(ParameterLayout.Builder builder, String name, int in, int hidden) {
        builder.weights(name + ".input", in, 4 * hidden).weights(name + ".recurrent", hidden, 4 * hidden)
                .weights(name + ".bias", 1, 4 * hidden);
    }

    /** The layer {@code name} declared in {@code layout}. */
    public static Lstm in(ParameterLayout layout, String name) {
        return new Lstm(layout.slice(name + ".input"), layout.slice(name + ".recurrent"),
                layout.slice(name + ".bias"));
    }

    public int inputs() {
        return input.rows();
    }

    /** H, the cells. */
    public int hidden() {
        return recurrent.rows();
    }

    /**
     * Xavier uniform input and recurrent weights, zero biases except the forget gate's, at 1 (Jozefowicz et al., ICML
     * 2015: gradients then flow through time from the start).
     *
     * @param params modified: this layer's slices
     */
    public void initialize(float[] params, GaussianSampler random) {
        int h = hidden();
        double inputLimit = Math.sqrt(6.0 / (inputs() + 4 * h));
        double recurrentLimit = Math.sqrt(6.0 / (5 * h));
        for (int i = input.offset(); i < input.end(); i++) {
            params[i] = (float) ((2 * random.nextDouble() - 1) * inputLimit);
        }
        for (int i = recurrent.offset(); i < recurrent.end(); i++) {
            params[i] = (float) ((2 * random.nextDouble() - 1) * recurrentLimit);
        }
        Arrays.fill(params, bias.offset(), bias.end(), 0f);
        Arrays.fill(params, bias.offset() + h, bias.offset() + 2 * h, 1f);
    }

    /**
     * One step for {@code n} sequences: {@code h} and {@code c} ({@code n x H}) advance in place.
     *
     * @param x     inputs, {@code n x in} from {@code x[xOffset]}. Not modified.
     * @param gates scratch of at least {@code n x 4H}, overwritten with the activated gates
     */
    public void step(float[] params, float[] x, int xOffset, int n, float[] h, float[] c, float[] gates) {
        preActivations(params, x, xOffset, n, h, 0, gates, 0);
        int hid = hidden();
        for (int s = 0; s < n; s++) {
            int a = s * 4 * hid;
            int r = s * hid;
            activate(gates, a, hid);
            for (int j = 0; j < hid; j++) {
                float cell = gates[a + hid + j] * c[r + j] + gates[a + j] * gates[a + 2 * hid + j];
                c[r + j] = cell;
                h[r + j] = gates[a + 3 * hid + j] * (float) Math.tanh(cell);
            }
        }
    }

    /**
     * The forward pass over {@code steps} steps of {@code n} sequences from zero states; outputs and everything the
     * backward pass needs go to {@code trace} ({@link LstmTrace#h} holds the outputs, time-major {@code n x H} per
     * step).
     *
     * @param x time-major inputs, {@code steps * n x in}. Not modified.
     */
    public void forward(float[] params, float[] x, int steps, int n, LstmTrace trace) {
        int hid = hidden();
        trace.ensure(steps * n, inputs(), hid);
        float[] zero = trace.zero(n * hid);
        for (int t = 0; t < steps; t++) {
            int row = t * n;
            float[] hPrev = t == 0 ? zero : trace.h;
            int hPrevOffset = t == 0 ? 0 : (row - n) * hid;
            preActivations(params, x, row * inputs(), n, hPrev, hPrevOffset, trace.gates, row * 4 * hid);
            for (int s = 0; s < n; s++) {
                int a = (row + s) * 4 * hid;
                int r = (row + s) * hid;
                int rPrev = r - n * hid;
                activate(trace.gates, a, hid);
                for (int j = 0; j < hid; j++) {
                    float previous = t == 0 ? 0f : trace.c[rPrev + j];
                    float cell = trace.gates[a + hid + j] * previous
                            + trace.gates[a + j] * trace.gates[a + 2 * hid + j];
                    float tanh = (float) Math.tanh(cell);
                    trace.c[r + j] = cell;
                    trace.tanhC[r + j] = tanh;
                    trace.h[r + j] = trace.gates[a + 3 * hid + j] * tanh;
                }
            }
        }
    }

    /**
     * Backpropagation through time of the pass recorded in {@code trace}.
     *
     * @param x    the forward pass's inputs. Not modified.
     * @param dh   gradient of the loss with respect to every output {@code h_t} (from above), time-major. Not modified.
     * @param grad gradient laid out like {@code params}; this layer's slices accumulated
     * @param dx   the gradient with respect to the inputs, {@code steps * n x in}, overwritten; null to skip it
     */
    public void backward(float[] params, float[] x, int steps, int n, LstmTrace trace, float[] dh, float[] grad,
                         float[] dx) {
        int hid = hidden();
        int in = inputs();
        int g4 = 4 * hid;
        float[] dGates = trace.dGates;
        float[] dhNext = trace.dhNext;
        float[] dcNext = trace.dcNext;
        Arrays.fill(dhNext, 0, n * hid, 0f);
        Arrays.fill(dcNext, 0, n * hid, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            int row = t * n;
            for (int s = 0; s < n; s++) {
                int a = (row + s) * g4;
                int r = (row + s) * hid;
                int d = s * g4;
                for (int j = 0; j < hid; j++) {
                    float i = trace.gates[a + j];
                    float f = trace.gates[a + hid + j];
                    float g = trace.gates[a + 2 * hid + j];
                    float o = trace.gates[a + 3 * hid + j];
                    float tanh = trace.tanhC[r + j];
                    float previous = t == 0 ? 0f : trace.c[r - n * hid + j];
                    float dOut = dh[r + j] + dhNext[s * hid + j];
                    float dc = dOut * o * (1 - tanh * tanh) + dcNext[s * hid + j];
                    dGates[d + j] = dc * g * i * (1 - i);
                    dGates[d + hid + j] = dc * previous * f * (1 - f);
                    dGates[d + 2 * hid + j] = dc * i * (1 - g * g);
                    dGates[d + 3 * hid + j] = dOut * tanh * o * (1 - o);
                    dcNext[s * hid + j] = dc * f;
                }
            }
            // grad W += x_t^T dA, grad U += h_{t-1}^T dA, grad b += column sums of dA
            MatMul.addTransposeAMultiply(x, row * in, n, in, dGates, g4, grad, input.offset());
            if (t > 0) {
                MatMul.addTransposeAMultiply(trace.h, (row - n) * hid, n, hid, dGates, g4, grad, recurrent.offset());
            }
            MatMul.addColumnSums(dGates, n, g4, grad, bias.offset());
            // dx_t = dA W^T, dh_{t-1} = dA U^T
            if (dx != null) multiplyTransposeB(dGates, n, g4, params, input.offset(), in, dx, row * in);
            multiplyTransposeB(dGates, n, g4, params, recurrent.offset(), hid, dhNext, 0);
        }
    }

    /** {@code out[outOffset..] = x W + hPrev U + b} for {@code n} rows. */
    private void preActivations(float[] params, float[] x, int xOffset, int n, float[] hPrev, int hOffset,
                                float[] out, int outOffset) {
        int in = inputs();
        int hid = hidden();
        int g4 = 4 * hid;
        for (int s = 0; s < n; s++) {
            int o = outOffset + s * g4;
            System.arraycopy(params, bias.offset(), out, o, g4);
            for (int k = 0; k < in; k++) {
                float v = x[xOffset + s * in + k];
                if (v == 0) continue;
                int w = input.offset() + k * g4;
                for (int j = 0; j < g4; j++) out[o + j] += v * params[w + j];
            }
            for (int k = 0; k < hid; k++) {
                float v = hPrev[hOffset + s * hid + k];
                if (v == 0) continue;
                int w = recurrent.offset() + k * g4;
                for (int j = 0; j < g4; j++) out[o + j] += v * params[w + j];
            }
        }
    }

    private static void activate(float[] gates, int a, int hid) {
        for (int j = 0; j < 2 * hid; j++) gates[a + j] = (float) Activation.sigmoid(gates[a + j]);
        for (int j = 2 * hid; j < 3 * hid; j++) gates[a + j] = (float) Math.tanh(gates[a + j]);
        for (int j = 3 * hid; j < 4 * hid; j++) gates[a + j] = (float) Activation.sigmoid(gates[a + j]);
    }

    /** {@code c[cOffset..] = A B^T}: {@code A} is {@code n x m}, {@code B} is {@code k x m} from {@code bOffset}. */
    private static void multiplyTransposeB(float[] a, int n, int m, float[] b, int bOffset, int k, float[] c,
                                           int cOffset) {
        for (int s = 0; s < n; s++) {
            int as = s * m;
            for (int t = 0; t < k; t++) {
                int bt = bOffset + t * m;
                float sum = 0;
                for (int j = 0; j < m; j++) sum += a[as + j] * b[bt + j];
                c[cOffset + s * k + t] = sum;
            }
        }
    }
}
