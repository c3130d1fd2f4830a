package io.statewise.algorithms.deepar;

import io.statewise.algorithms.data.SeriesBatch;
import io.statewise.algorithms.nn.GaussianSampler;

/**
 * Loads windows of {@code context_length + prediction_length} steps of a batch's series into a
 * {@link DeepArWorkspace}: one window per series, either drawn at random for training (its end over the positions
 * where a whole window fits, uniform as GluonTS draws them or, with a half-life, more often near the series' end; or
 * the series' end for a series shorter than a window, whose window then reaches before its start and reads missing
 * values there) or, for scoring, the series' last one or one a fixed number of steps before it. A window's scale
 * comes from its context part. Allocation-free.
 */
final class WindowLoader {

    private final DeepArNetwork network;
    private final WindowInputs inputs;

    WindowLoader(DeepArNetwork network) {
        this.network = network;
        this.inputs = new WindowInputs(network);
    }

    WindowInputs inputs() {
        return inputs;
    }

    /**
     * A training window per series, ends drawn from {@code random} ({@link #drawEnd}); dropout masks between
     * stacked layers drawn too if {@code rate > 0} ({@link DeepArWorkspace#ensure}).
     */
    void training(float[] params, SeriesBatch batch, DeepArWorkspace ws, GaussianSampler random, double halfLife,
                  double rate) {
        int length = network.shape.contextLength() + network.shape.predictionLength();
        int n = batch.size();
        ws.ensure(n, length, rate > 0);
        for (int w = 0; w < n; w++) {
            int len = batch.length(w);
            // no draw for a series shorter than a window: the same random sequence as before window_half_life
            ws.ends[w] = len <= length ? len : drawEnd(len, length, halfLife, random.nextDouble());
        }
        load(params, batch, ws);
        if (rate > 0) drawMasks(ws, random, rate);
    }

    /**
     * The end of a training window of {@code length} steps in a series of {@code len} values, from a uniform
     * {@code u} in [0, 1): {@code len} if the series is no longer than a window; else {@code len - d}, where the
     * distance d from the series' end ranges over {@code [0, len - length]}, uniform when {@code halfLife} is 0 (as
     * {@code length + floor(u * positions)}, the draw of earlier versions) and otherwise with {@code P(d)} proportional
     * to {@code 2^(-d / halfLife)} (the floor of a truncated exponential, drawn by inverting its distribution
     * function).
     */
    static int drawEnd(int len, int length, double halfLife, double u) {
        if (len <= length) return len;
        int positions = len - length + 1;
        if (!(halfLife > 0)) return length + (int) (u * positions);
        double rate = Math.log(2) / halfLife;
        // F(d) = (1 - e^(-rate d)) / (1 - e^(-rate positions)) on [0, positions)
        int d = (int) (-Math.log1p(u * Math.expm1(-rate * positions)) / rate);
        return len - Math.min(d, positions - 1);
    }

    /** Each series' last window (ending at its last value), without dropout. */
    void last(float[] params, SeriesBatch batch, DeepArWorkspace ws) {
        endingBefore(params, batch, ws, 0);
    }

    /**
     * Each series' window ending {@code before} steps before its end, without dropout, if training could draw it (a
     * whole window fits, or it is the series' last); otherwise a window before the series' start, which reads and
     * scores nothing (its context would have too few values for a scale).
     */
    void endingBefore(float[] params, SeriesBatch batch, DeepArWorkspace ws, int before) {
        int length = network.shape.contextLength() + network.shape.predictionLength();
        int n = batch.size();
        ws.ensure(n, length, false);
        for (int w = 0; w < n; w++) {
            int len = batch.length(w);
            int end = len - before;
            ws.ends[w] = before == 0 || end >= length ? end : 0;
        }
        load(params, batch, ws);
    }

    /** Loads inputs, targets, scales and categories of the windows whose ends are set. */
    void load(float[] params, SeriesBatch batch, DeepArWorkspace ws) {
        int n = ws.windows;
        int steps = ws.steps;
        int prediction = network.shape.predictionLength();
        int cards = network.embeddings.length;
        for (int w = 0; w < n; w++) {
            int end = ws.ends[w];
            int len = batch.length(w);
            ws.series[w] = w;
            ws.scales[w] = inputs.scale(batch, w, end - steps, end - prediction);
            for (int j = 0; j < cards; j++) ws.cats[w * cards + j] = batch.cat(w, j);
            for (int t = 0; t < steps; t++) {
                int p = end - steps + t;
                int row = t * n + w;
                inputs.write(params, batch, w, ws.cats, w * cards, ws.scales[w], p, batch.values(),
                        batch.valueStart(w), 0, len, ws.x, row);
                ws.z[row] = p >= 0 && p < len ? batch.value(w, p) : Float.NaN;
            }
        }
    }

    private void drawMasks(DeepArWorkspace ws, GaussianSampler random, double rate) {
        int count = ws.windows * ws.steps * network.shape.numCells();
        float keep = (float) (1 / (1 - rate));
        for (float[] mask : ws.masks) {
            if (mask == null) continue; // the last layer's
            for (int r = 0; r < count; r++) mask[r] = random.nextDouble() < rate ? 0f : keep;
        }
    }
}
