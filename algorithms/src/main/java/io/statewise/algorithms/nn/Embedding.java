package io.statewise.algorithms.nn;

/**
 * A lookup table of learned vectors for a categorical feature ({@code <name>.weight}, {@code cardinality x dim}, a
 * slice of a flat parameter vector): value {@code v} maps to row {@code v}. Stateless.
 *
 * @param weight {@code cardinality x dim}
 */
public record Embedding(ParameterSlice weight) {

    /** Declares the table {@code name} of {@code cardinality} vectors of {@code dim} values. */
    public static void declare(ParameterLayout.Builder builder, String name, int cardinality, int dim) {
        builder.weights(name + ".weight", cardinality, dim);
    }

    /** The table {@code name} declared in {@code layout}. */
    public static Embedding in(ParameterLayout layout, String name) {
        return new Embedding(layout.slice(name + ".weight"));
    }

    public int cardinality() {
        return weight.rows();
    }

    public int dimension() {
        return weight.cols();
    }

    /** Standard normal entries scaled by {@code 1 / sqrt(dim)}, so an embedding starts at about unit norm. */
    public void initialize(float[] params, GaussianSampler random) {
        double scale = 1 / Math.sqrt(dimension());
        for (int i = weight.offset(); i < weight.end(); i++) params[i] = (float) (scale * random.nextGaussian());
    }

    /** Copies the vector of {@code value} to {@code out[offset..offset + dim)}. */
    public void forward(float[] params, int value, float[] out, int offset) {
        System.arraycopy(params, weight.at(value, 0), out, offset, dimension());
    }

    /** {@code grad[row of value] += d[offset..offset + dim)}. */
    public void backward(int value, float[] d, int offset, float[] grad) {
        int w = weight.at(value, 0);
        for (int j = 0; j < dimension(); j++) grad[w + j] += d[offset + j];
    }
}
