package io.statewise.algorithms.deepar;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accumulated accuracy of one forecaster over test series, with GluonTS's definitions: RMSE of the mean forecast;
 * MASE, sMAPE and ND of the median; the weighted quantile loss {@code 2 sum pinball_q / sum |y|} per level and its
 * average; and the share of observations inside the interval between the lowest and highest level. Missing actual
 * values are skipped. Mutable, single-threaded.
 */
final class ForecastErrors {

    private final double[] levels;
    private final double[] pinball;
    private double squared;
    private double absolute;
    private double actual;
    private double smape;
    private long smapeCount;
    private double scaledSum;
    private long scaledSeries;
    private long inside;
    private long observations;
    private long series;

    ForecastErrors(double[] levels) {
        this.levels = levels.clone();
        this.pinball = new double[levels.length];
    }

    /** Adds {@code other}'s sums and counts (errors of other series at the same levels). */
    void addAll(ForecastErrors other) {
        if (!Arrays.equals(levels, other.levels)) {
            throw new IllegalArgumentException("errors at other quantile levels do not add");
        }
        for (int j = 0; j < pinball.length; j++) pinball[j] += other.pinball[j];
        squared += other.squared;
        absolute += other.absolute;
        actual += other.actual;
        smape += other.smape;
        smapeCount += other.smapeCount;
        scaledSum += other.scaledSum;
        scaledSeries += other.scaledSeries;
        inside += other.inside;
        observations += other.observations;
        series += other.series;
    }

    /**
     * Adds one series' forecast of {@code y[from..from + h)}.
     *
     * @param median         the median forecast per step
     * @param mean           the mean forecast per step
     * @param quantiles      {@code quantiles[j][k]}: level {@code j} at step {@code k}
     * @param seasonalError  the in-sample mean absolute seasonal difference of the series' history (MASE's scale);
     *                       NaN or 0 leaves the series out of MASE
     */
    void add(float[] y, int from, int h, double[] median, double[] mean, double[][] quantiles, double seasonalError) {
        double seriesAbsolute = 0;
        int seriesCount = 0;
        for (int k = 0; k < h; k++) {
            double v = y[from + k];
            if (Double.isNaN(v)) continue;
            double e = v - median[k];
            squared += (v - mean[k]) * (v - mean[k]);
            absolute += Math.abs(e);
            seriesAbsolute += Math.abs(e);
            seriesCount++;
            actual += Math.abs(v);
            double denominator = Math.abs(v) + Math.abs(median[k]);
            if (denominator > 0) {
                smape += 2 * Math.abs(e) / denominator;
                smapeCount++;
            }
            for (int j = 0; j < levels.length; j++) {
                double d = v - quantiles[j][k];
                pinball[j] += d >= 0 ? levels[j] * d : (levels[j] - 1) * d;
            }
            if (v >= quantiles[0][k] && v <= quantiles[levels.length - 1][k]) inside++;
            observations++;
        }
        series++;
        if (seriesCount > 0 && seasonalError > 0 && Double.isFinite(seasonalError)) {
            scaledSum += seriesAbsolute / seriesCount / seasonalError;
            scaledSeries++;
        }
    }

    /** The metrics, named with {@code prefix}. */
    Map<String, Double> metrics(String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(prefix + "rmse", observations == 0 ? Double.NaN : Math.sqrt(squared / observations));
        out.put(prefix + "mase", scaledSeries == 0 ? Double.NaN : scaledSum / scaledSeries);
        out.put(prefix + "smape", smapeCount == 0 ? Double.NaN : smape / smapeCount);
        out.put(prefix + "nd", actual == 0 ? Double.NaN : absolute / actual);
        double sum = 0;
        for (int j = 0; j < levels.length; j++) {
            double wql = actual == 0 ? Double.NaN : 2 * pinball[j] / actual;
            out.put(prefix + "wql_" + levels[j], wql);
            sum += wql;
        }
        out.put(prefix + "mean_wql", sum / levels.length);
        out.put(prefix + "coverage", observations == 0 ? Double.NaN : (double) inside / observations);
        return out;
    }

    long observations() {
        return observations;
    }

    long series() {
        return series;
    }
}
