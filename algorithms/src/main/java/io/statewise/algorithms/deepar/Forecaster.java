package io.statewise.algorithms.deepar;

import io.statewise.algorithms.data.SeriesBatch;
import io.statewise.algorithms.nn.GaussianSampler;
import java.util.Arrays;

/**
 * Ancestral sampling of forecasts (Salinas et al., section 3.1): the network reads a series' last
 * {@code context_length} values (teacher-forced), its state is copied to every sample path, and each path then draws
 * step after step from the likelihood, feeding its own draws back as lags. Sample paths of one series run as one
 * batch through the LSTM. Each series' draws depend only on the model's seed and the series' id, not on its
 * neighbours in a batch. Mutable scratch, single-threaded; reused across series without allocation.
 */
final class Forecaster {

    private final DeepArNetwork network;
    private final WindowInputs inputs;
    private final float[] params;
    private final int samples;
    private final long seed;
    private final int tail;
    private final int horizon;
    private final float[][] h;
    private final float[][] c;
    private final float[] x;
    private final float[] gates;
    private final float[] raw;
    private final float[] paths;
    private final int[] cats;

    Forecaster(DeepArNetwork network, float[] params, int samples, long seed) {
        this.network = network;
        this.inputs = new WindowInputs(network);
        this.params = params;
        this.samples = samples;
        this.seed = seed;
        this.tail = network.maxLag();
        this.horizon = network.shape.predictionLength();
        int hidden = network.shape.numCells();
        this.h = new float[network.layers.length][samples * hidden];
        this.c = new float[network.layers.length][samples * hidden];
        this.x = new float[samples * Math.max(network.inputs, hidden)];
        this.gates = new float[samples * 4 * hidden];
        this.raw = new float[samples * network.shape.likelihood().parameters()];
        this.paths = new float[samples * (tail + horizon)];
        this.cats = new int[network.embeddings.length];
    }

    int samples() {
        return samples;
    }

    /**
     * Draws the sample paths of series {@code i} after position {@code origin} (its history is {@code [0, origin)}):
     * {@code out[s * prediction_length + k]} is step {@code k} of path {@code s}.
     */
    void sample(SeriesBatch batch, int i, int origin, float[] out) {
        int hidden = network.shape.numCells();
        int context = network.shape.contextLength();
        double scale = inputs.scale(batch, i, origin - context, origin);
        for (int j = 0; j < cats.length; j++) cats[j] = batch.cat(i, j);
        for (int l = 0; l < h.length; l++) {
            Arrays.fill(h[l], 0f);
            Arrays.fill(c[l], 0f);
        }
        for (int p = origin - context; p < origin; p++) {
            inputs.write(params, batch, i, cats, 0, scale, p, batch.values(), batch.valueStart(i), 0, origin, x, 0);
            stepLayers(1);
        }
        for (int l = 0; l < h.length; l++) {
            for (int s = 1; s < samples; s++) {
                System.arraycopy(h[l], 0, h[l], s * hidden, hidden);
                System.arraycopy(c[l], 0, c[l], s * hidden, hidden);
            }
        }
        int width = tail + horizon;
        int base = origin - tail;
        for (int q = 0; q < tail; q++) {
            int p = base + q;
            paths[q] = p >= 0 ? batch.value(i, p) : Float.NaN;
        }
        for (int s = 1; s < samples; s++) System.arraycopy(paths, 0, paths, s * width, tail);
        GaussianSampler random = new GaussianSampler(seed * 0x9E3779B97F4A7C15L + batch.id(i).hashCode());
        Likelihood likelihood = network.shape.likelihood();
        int k = likelihood.parameters();
        for (int step = 0; step < horizon; step++) {
            int p = origin + step;
            // every path shares the step's calendar, dynamic and static inputs; only the lags differ
            inputs.write(params, batch, i, cats, 0, scale, p, paths, 0, base, tail + step, x, 0);
            for (int s = 1; s < samples; s++) {
                inputs.copyStatic(x, 0, s);
                inputs.writeLags(scale, p, paths, s * width, base, tail + step, x, s);
            }
            stepLayers(samples);
            network.head.forward(params, h[h.length - 1], samples, raw);
            for (int s = 0; s < samples; s++) {
                float v = (float) likelihood.sample(raw, s * k, scale, random);
                paths[s * width + tail + step] = v;
                out[s * horizon + step] = v;
            }
        }
    }

    /** Advances every layer one step for {@code n} sequences whose input is in {@link #x}. */
    private void stepLayers(int n) {
        float[] in = x;
        for (int l = 0; l < h.length; l++) {
            network.layers[l].step(params, in, 0, n, h[l], c[l], gates);
            in = h[l];
        }
    }

    /**
     * The {@code q}-quantile of {@code sorted[0..n)} (ascending), interpolated linearly between order statistics.
     */
    static double quantile(double[] sorted, int n, double q) {
        double position = q * (n - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(n - 1, lower + 1);
        double fraction = position - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }
}
