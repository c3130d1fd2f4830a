package io.statewise.algorithms.deepar;

import io.statewise.algorithms.CombinableEvaluator;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.SeriesBatch;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forecast accuracy of a {@link DeepArModel} on test series, SageMaker's test channel: each series' last
 * {@code prediction_length} values are forecast from the values before them and scored ({@link ForecastErrors}:
 * {@code rmse}, {@code mase}, {@code smape}, {@code nd}, {@code wql_<level>} and {@code mean_wql} over
 * {@code test_quantiles}, and {@code coverage} of the interval between the lowest and highest level). The
 * seasonal-naive baseline is scored by the same code on the same series ({@code seasonal_naive_*}), and each
 * accuracy metric is reported as a ratio to it ({@code *_ratio}, below 1 when the model is better), so every report
 * shows what the model adds. Also {@code series}, {@code observations} and {@code expected_coverage} (the interval's
 * nominal probability).
 */
public final class DeepArEvaluator implements CombinableEvaluator {

    private static final String[] RATIOS = {"rmse", "mase", "smape", "nd", "mean_wql"};

    private final DeepArModel model;
    private final SeriesChecks checks;
    private final Forecaster forecaster;
    private final int seasonality;
    private final int horizon;
    private final double[] levels;
    private final ForecastErrors errors;
    private final ForecastErrors naive;
    private final float[] draws;
    private final double[] column;
    /** The quantile levels, then 0.5: the last row of {@link #quantiles} is the median. */
    private final double[] levelsAndMedian;
    private final double[] mean;
    private final double[][] quantiles;
    private final double[] naivePoint;
    private final double[][] naiveQuantiles;

    DeepArEvaluator(DeepArModel model) {
        this.model = model;
        DeepArShape shape = model.shape();
        this.checks = new SeriesChecks(shape, model.ignoreCat(), model.ignoreDynamic());
        this.forecaster = model.forecaster(shape.network());
        this.seasonality = shape.timeFreq().seasonality();
        this.horizon = model.predictionLength();
        this.levels = model.quantileLevels();
        this.errors = new ForecastErrors(levels);
        this.naive = new ForecastErrors(levels);
        this.draws = new float[forecaster.samples() * horizon];
        this.column = new double[forecaster.samples()];
        this.levelsAndMedian = Arrays.copyOf(levels, levels.length + 1);
        levelsAndMedian[levels.length] = 0.5;
        this.mean = new double[horizon];
        this.quantiles = new double[levels.length + 1][horizon];
        this.naivePoint = new double[horizon];
        this.naiveQuantiles = new double[levels.length][];
        Arrays.fill(naiveQuantiles, naivePoint);
    }

    /**
     * Scores the batch's series.
     *
     * @throws IllegalArgumentException if the batch does not hold series
     * @throws io.statewise.algorithms.data.DataException naming a series not longer than {@code prediction_length}
     *                                                    or that does not fit the model
     */
    @Override
    public void add(Batch batch) {
        if (!(batch instanceof SeriesBatch series)) {
            throw new IllegalArgumentException("deepar evaluates time series (jsonlines or series_csv), not "
                    + batch.getClass().getSimpleName());
        }
        checks.check(series, SeriesChecks.Use.TEST);
        int samples = forecaster.samples();
        for (int i = 0; i < series.size(); i++) {
            int origin = series.length(i) - horizon;
            forecaster.sample(series, i, origin, draws);
            SampleSummary.summarize(draws, samples, horizon, levelsAndMedian, mean, quantiles, column);
            int m = SeasonalNaive.period(seasonality, origin);
            double scale = SeasonalNaive.seasonalError(series, i, origin, m);
            int at = series.valueStart(i) + origin;
            errors.add(series.values(), at, horizon, quantiles[levels.length], mean, quantiles, scale);
            SeasonalNaive.forecast(series, i, origin, m, horizon, naivePoint);
            naive.add(series.values(), at, horizon, naivePoint, naivePoint, naiveQuantiles, scale);
        }
    }

    /** Adds the errors of series that {@code other} (an evaluator of the same model) has forecast. */
    @Override
    public void addAll(CombinableEvaluator other) {
        if (!(other instanceof DeepArEvaluator o) || !o.model.equals(model)) {
            throw new IllegalArgumentException("not an evaluator of " + model + ": " + other);
        }
        errors.addAll(o.errors);
        naive.addAll(o.naive);
    }

    @Override
    public Metrics result() {
        Map<String, Double> out = new LinkedHashMap<>(errors.metrics(""));
        Map<String, Double> baseline = naive.metrics("seasonal_naive_");
        out.putAll(baseline);
        for (String name : RATIOS) out.put(name + "_ratio", out.get(name) / baseline.get("seasonal_naive_" + name));
        out.put("expected_coverage", levels[levels.length - 1] - levels[0]);
        out.put("series", (double) errors.series());
        out.put("observations", (double) errors.observations());
        return new Metrics(out);
    }

    @Override
    public String toString() {
        return "DeepArEvaluator[" + model + "]";
    }
}
