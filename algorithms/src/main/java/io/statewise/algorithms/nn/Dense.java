package io.statewise.algorithms.nn;

import java.util.Arrays;

/**
 * An affine layer {@code Y = X W + b} over a mini-batch: {@code W} is {@code in x out} and {@code b} has {@code out}
 * values, both slices of a flat parameter vector ({@code <name>.weight}, {@code <name>.bias}). Inputs are dense
 * row-major {@code n x in} blocks, or sparse rows in CSR form (a bag of words: only non-zeros are read, so the first
 * layer of a text model costs {@code O(nnz x out)}). Stateless: parameters, gradients and buffers are arguments.
 *
 * @param weight {@code in x out}
 * @param bias   {@code 1 x out}
 */
public record Dense(ParameterSlice weight, ParameterSlice bias) {

    public Dense {
        if (bias.size() != weight.cols()) {
            throw new IllegalArgumentException(weight.name() + ": " + weight.cols() + " outputs but " + bias.size()
                    + " biases");
        }
    }

    /** Declares the slices of a layer {@code name} with {@code in} inputs and {@code out} outputs. */
    public static void declare(ParameterLayout.Builder builder, String name, int in, int out) {
        builder.weights(name + ".weight", in, out).weights(name + ".bias", 1, out);
    }

    /** The layer {@code name} declared in {@code layout}. */
    public static Dense in(ParameterLayout layout, String name) {
        return new Dense(layout.slice(name + ".weight"), layout.slice(name + ".bias"));
    }

    public int inputs() {
        return weight.rows();
    }

    public int outputs() {
        return weight.cols();
    }

    /**
     * Xavier (Glorot) uniform weights in {@code +-sqrt(6 / (in + out))} and zero biases.
     *
     * @param params modified: this layer's slices
     */
    public void initialize(float[] params, GaussianSampler random) {
        double limit = Math.sqrt(6.0 / (inputs() + outputs()));
        for (int i = weight.offset(); i < weight.end(); i++) {
            params[i] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
        Arrays.fill(params, bias.offset(), bias.end(), 0f);
    }

    /** {@code y (n x out) = x (n x in) W + b}, overwritten. */
    public void forward(float[] params, float[] x, int n, float[] y) {
        MatMul.multiply(x, n, inputs(), params, weight.offset(), outputs(), y);
        addBias(params, n, y);
    }

    /**
     * As {@link #forward}, for sparse rows: row {@code i} has values {@code values[rowStart[i]..rowStart[i+1])} at
     * columns {@code indices[...]}.
     */
    public void forwardSparse(float[] params, int[] rowStart, int[] indices, float[] values, int n, float[] y) {
        int out = outputs();
        for (int i = 0; i < n; i++) {
            int yi = i * out;
            System.arraycopy(params, bias.offset(), y, yi, out);
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                float v = values[p];
                int w = weight.offset() + indices[p] * out;
                for (int j = 0; j < out; j++) y[yi + j] += v * params[w + j];
            }
        }
    }

    /**
     * Backward for a dense input: {@code grad[W] += x^T dy}, {@code grad[b] += column sums of dy}, and {@code dx = dy
     * W^T} when {@code dx} is not null.
     *
     * @param grad a gradient vector laid out like {@code params}; accumulated
     */
    public void backward(float[] params, float[] x, float[] dy, int n, float[] grad, float[] dx) {
        MatMul.addTransposeAMultiply(x, n, inputs(), dy, outputs(), grad, weight.offset());
        MatMul.addColumnSums(dy, n, outputs(), grad, bias.offset());
        if (dx != null) MatMul.multiplyTransposeB(dy, n, outputs(), params, weight.offset(), inputs(), dx);
    }

    /** Backward for sparse input rows (no input gradient: sparse inputs are data). */
    public void backwardSparse(int[] rowStart, int[] indices, float[] values, int n, float[] dy, float[] grad) {
        int out = outputs();
        for (int i = 0; i < n; i++) {
            int yi = i * out;
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                float v = values[p];
                int w = weight.offset() + indices[p] * out;
                for (int j = 0; j < out; j++) grad[w + j] += v * dy[yi + j];
            }
        }
        MatMul.addColumnSums(dy, n, out, grad, bias.offset());
    }

    private void addBias(float[] params, int n, float[] y) {
        int out = outputs();
        int b = bias.offset();
        for (int i = 0; i < n; i++) {
            int yi = i * out;
            for (int j = 0; j < out; j++) y[yi + j] += params[b + j];
        }
    }
}
