package io.statewise.algorithms.deepar;

import java.util.Arrays;

/** The mean and quantiles per step of sample paths drawn by a {@link Forecaster}. Allocation-free. */
final class SampleSummary {

    private SampleSummary() {}

    /**
     * Summarizes {@code draws} ({@code draws[s * horizon + k]}: step {@code k} of path {@code s}).
     *
     * @param mean      {@code horizon} values, overwritten
     * @param quantiles {@code quantiles[j][k]}: level {@code levels[j]} at step {@code k}, overwritten
     * @param column    scratch of at least {@code samples} values
     */
    static void summarize(float[] draws, int samples, int horizon, double[] levels, double[] mean,
                          double[][] quantiles, double[] column) {
        for (int k = 0; k < horizon; k++) {
            double sum = 0;
            for (int s = 0; s < samples; s++) {
                column[s] = draws[s * horizon + k];
                sum += column[s];
            }
            mean[k] = sum / samples;
            Arrays.sort(column, 0, samples);
            for (int j = 0; j < levels.length; j++) quantiles[j][k] = Forecaster.quantile(column, samples, levels[j]);
        }
    }
}
