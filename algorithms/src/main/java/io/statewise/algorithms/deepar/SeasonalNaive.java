package io.statewise.algorithms.deepar;

import io.statewise.algorithms.data.SeriesBatch;

/**
 * The seasonal-naive baseline and MASE's scale, from a series' history {@code [0, origin)} and the seasonal period m
 * of the frequency (the naive forecast, m = 1, when the history is not longer than a season): the forecast of step
 * {@code k} repeats the value one season before (of the last season seen), falling back season by season over missing
 * values and finally to the last observed value.
 */
final class SeasonalNaive {

    private SeasonalNaive() {}

    /** The period used for a history of {@code origin} values. */
    static int period(int seasonality, int origin) {
        return origin > seasonality ? seasonality : 1;
    }

    /** Writes the forecast of {@code h} steps to {@code out}. */
    static void forecast(SeriesBatch batch, int i, int origin, int m, int h, double[] out) {
        double last = lastObserved(batch, i, origin);
        for (int k = 0; k < h; k++) {
            double v = Double.NaN;
            for (int q = origin - m + (k % m); q >= 0 && Double.isNaN(v); q -= m) v = batch.value(i, q);
            out[k] = Double.isNaN(v) ? last : v;
        }
    }

    private static double lastObserved(SeriesBatch batch, int i, int origin) {
        for (int q = origin - 1; q >= 0; q--) {
            float v = batch.value(i, q);
            if (!Float.isNaN(v)) return v;
        }
        return 0;
    }

    /** MASE's scale: the mean of {@code |z_t - z_{t-m}|} over the observed pairs of the history; NaN if none. */
    static double seasonalError(SeriesBatch batch, int i, int origin, int m) {
        double sum = 0;
        int count = 0;
        for (int t = m; t < origin; t++) {
            float a = batch.value(i, t);
            float b = batch.value(i, t - m);
            if (Float.isNaN(a) || Float.isNaN(b)) continue;
            sum += Math.abs(a - b);
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
