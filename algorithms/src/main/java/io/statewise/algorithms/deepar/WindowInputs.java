package io.statewise.algorithms.deepar;

import io.statewise.algorithms.data.SeriesBatch;

/**
 * Builds the network's input of one step of one series ({@link DeepArNetwork} lists the groups), reading past values
 * through a window onto them: {@code values[offset + q - base]} is the value at position {@code q} for
 * {@code q} in {@code [base, base + available)}; positions outside, and NaN values, are missing and enter the lags
 * as 0. Training reads a series' own values; forecasting reads a sample path's buffer (the history's tail followed by
 * the values drawn so far). Allocation-free.
 */
final class WindowInputs {

    private final DeepArNetwork network;

    WindowInputs(DeepArNetwork network) {
        this.network = network;
    }

    /**
     * The scale of a series' window: the mean absolute observed value of positions {@code [from, to)} (its context),
     * 1 when there is none or it is (almost) zero, and always 1 for an unscaled likelihood.
     */
    double scale(SeriesBatch batch, int i, int from, int to) {
        if (!network.shape.likelihood().scaled()) return 1;
        int length = batch.length(i);
        double sum = 0;
        int count = 0;
        for (int q = Math.max(0, from); q < Math.min(to, length); q++) {
            float v = batch.value(i, q);
            if (!Float.isNaN(v)) {
                sum += Math.abs(v);
                count++;
            }
        }
        double mean = count == 0 ? 0 : sum / count;
        return mean > 1e-10 ? mean : 1;
    }

    /**
     * Writes the input of position {@code p} of series {@code i} to {@code x[row * inputs ..]}.
     *
     * @param params the current parameters (the embeddings are copied in)
     * @param cats   the series' categorical values from {@code cats[catOffset]}
     */
    void write(float[] params, SeriesBatch batch, int i, int[] cats, int catOffset, double scale, int p,
               float[] values, int offset, int base, int available, float[] x, int row) {
        writeLags(scale, p, values, offset, base, available, x, row);
        int at = row * network.inputs;
        TimeFrequency freq = network.shape.timeFreq();
        freq.writeDateFeatures(freq.timestamp(batch.start(i), p), x, at + network.dateOffset);
        x[at + network.ageOffset] = (float) Math.log10(2.0 + Math.max(p, 0));
        int dynamic = network.shape.numDynamicFeat();
        int dynamicLength = dynamic == 0 ? 0 : batch.dynamicLength(i);
        for (int f = 0; f < dynamic; f++) {
            x[at + network.dynamicOffset + f] = p >= 0 && p < dynamicLength ? batch.dynamic(i, f, p) : 0f;
        }
        int e = network.shape.embeddingDimension();
        for (int j = 0; j < network.embeddings.length; j++) {
            network.embeddings[j].forward(params, cats[catOffset + j], x, at + network.embeddingOffset + j * e);
        }
        x[at + network.scaleOffset] = (float) Math.log(scale);
    }

    /** Writes only the lagged values of position {@code p} (the rest of the row is left as it is). */
    void writeLags(double scale, int p, float[] values, int offset, int base, int available, float[] x, int row) {
        int at = row * network.inputs;
        int[] lags = network.lags;
        for (int k = 0; k < lags.length; k++) {
            int q = p - lags[k] - base;
            float v = q >= 0 && q < available ? values[offset + q] : Float.NaN;
            x[at + k] = Float.isNaN(v) ? 0f : (float) (v / scale);
        }
    }

    /** Copies the part of row {@code from} that does not depend on past values (all but the lags) to row {@code to}. */
    void copyStatic(float[] x, int from, int to) {
        int lags = network.lags.length;
        System.arraycopy(x, from * network.inputs + lags, x, to * network.inputs + lags, network.inputs - lags);
    }
}
