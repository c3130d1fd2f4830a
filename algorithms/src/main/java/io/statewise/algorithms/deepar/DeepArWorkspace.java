package io.statewise.algorithms.deepar;

import io.statewise.algorithms.nn.LstmTrace;

/**
 * The buffers of one unrolled mini-batch of windows: inputs, targets, scales, each layer's trace, dropout masks and
 * gradients. Arrays grow to the largest batch (windows x steps) and are then reused: a training step allocates
 * nothing. Rows are time-major: row {@code t * n + w} is step {@code t} of window {@code w}. Mutable, single-threaded.
 */
final class DeepArWorkspace {

    private final DeepArNetwork network;
    /** Windows and steps of the current batch. */
    int windows;
    int steps;
    /** Per window: the series' batch index, its exclusive end position, its scale. */
    int[] series = new int[0];
    int[] ends = new int[0];
    double[] scales = new double[0];
    /** Per window: its categorical values, {@code windows x cardinality.size()}. */
    int[] cats = new int[0];
    /** Inputs, {@code rows x inputs}. */
    float[] x = new float[0];
    /** Values each row's distribution is scored on (series units); NaN where there is nothing to score. */
    float[] z = new float[0];
    final LstmTrace[] traces;
    /** Each layer's outputs after dropout, {@code rows x H} (the layer's trace outputs when there is no dropout). */
    final float[][] dropped;
    /**
     * Dropout masks per layer ({@code 0} or {@code 1 / (1 - rate)}); null entries when there is no dropout. The last
     * layer never has one: dropout acts between stacked layers only ({@link #ensure}).
     */
    final float[][] masks;
    float[] raw = new float[0];
    float[] dRaw = new float[0];
    /** Gradients with respect to each layer's (dropped) outputs, and to the inputs. */
    final float[][] dOut;
    float[] dx = new float[0];
    float[] gradient;

    DeepArWorkspace(DeepArNetwork network) {
        this.network = network;
        int layers = network.layers.length;
        this.traces = new LstmTrace[layers];
        for (int l = 0; l < layers; l++) traces[l] = new LstmTrace();
        this.dropped = new float[layers][0];
        this.masks = new float[layers][];
        this.dOut = new float[layers][0];
        this.gradient = new float[network.layout.size()];
    }

    /**
     * Sizes the buffers for {@code windows} windows of {@code steps} steps, with dropout masks (if {@code dropout})
     * for the outputs of every layer but the last, as GluonTS's DeepAR (PyTorch's {@code LSTM(dropout=...)}) drops
     * only between stacked layers. Dropout on the last layer's outputs would reach the likelihood's parameters
     * directly: the location of a step's distribution would then swing by a few percent of the series' scale at
     * every training step, and the network learns scales wide enough to cover those swings, also for smooth series
     * that move by a fraction of a percent (measured on M3 monthly: 10%-90% intervals of +-10% a step ahead for
     * series whose monthly changes are 0.2%, and sample paths that drift down over the horizon). With one layer there
     * is no dropout.
     */
    void ensure(int windows, int steps, boolean dropout) {
        this.windows = windows;
        this.steps = steps;
        int rows = windows * steps;
        int hidden = network.shape.numCells();
        if (series.length < windows) {
            series = new int[windows];
            ends = new int[windows];
            scales = new double[windows];
            cats = new int[windows * network.embeddings.length];
        }
        if (z.length < rows) {
            x = new float[rows * network.inputs];
            dx = new float[rows * network.inputs];
            z = new float[rows];
            raw = new float[rows * network.shape.likelihood().parameters()];
            dRaw = new float[raw.length];
            for (int l = 0; l < dropped.length; l++) {
                dropped[l] = new float[rows * hidden];
                dOut[l] = new float[rows * hidden];
            }
        }
        for (int l = 0; l < masks.length; l++) {
            if (!dropout || l == masks.length - 1) masks[l] = null;
            else if (masks[l] == null || masks[l].length < rows * hidden) masks[l] = new float[dropped[l].length];
        }
    }
}
