package io.statewise.algorithms.nn;

/**
 * What one {@link Lstm} layer's forward pass keeps for its backward pass, and the backward pass's scratch: activated
 * gates, cell states, their tanh and outputs for every row ({@code steps x sequences}). Arrays grow to the largest
 * pass and are then reused; nothing is allocated per sequence or step. Mutable, single-threaded.
 */
public final class LstmTrace {

    /** Activated gates {@code i, f, g, o} per row, {@code rows x 4H}. */
    float[] gates = new float[0];
    /** Cell states per row, {@code rows x H}. */
    float[] c = new float[0];
    /** {@code tanh(c)} per row. */
    float[] tanhC = new float[0];
    /** Outputs per row, {@code rows x H}: read them with {@link #outputs()}. */
    float[] h = new float[0];
    float[] dGates = new float[0];
    float[] dhNext = new float[0];
    float[] dcNext = new float[0];
    private float[] zero = new float[0];

    /** The outputs of the last forward pass, time-major {@code rows x H}. Owned by the trace. */
    public float[] outputs() {
        return h;
    }

    void ensure(int rows, int inputs, int hidden) {
        if (h.length < rows * hidden) {
            gates = new float[rows * 4 * hidden];
            c = new float[rows * hidden];
            tanhC = new float[rows * hidden];
            h = new float[rows * hidden];
        }
        if (dGates.length < rows * 4 * hidden) {
            dGates = new float[rows * 4 * hidden];
            dhNext = new float[rows * hidden];
            dcNext = new float[rows * hidden];
        }
    }

    /** At least {@code count} zeros. */
    float[] zero(int count) {
        if (zero.length < count) zero = new float[count];
        return zero;
    }
}
