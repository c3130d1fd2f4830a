package io.statewise.algorithms.deepar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.Series;
import io.statewise.algorithms.data.SeriesBatch;
import io.statewise.algorithms.data.synthetic.SeasonalSeries;
import io.statewise.algorithms.training.SyncRounds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DeepAR learns seasonal series: after a few epochs over 60 seeded monthly series (levels over two orders of
 * magnitude, yearly season, noise 5% of the level), its forecasts of each series' last 6 months beat the
 * seasonal-naive baseline on MASE, and its 10%-90% interval covers a sane share of the held-out values.
 */
class DeepArTrainingTest {

    private static final List<Series> SERIES = new SeasonalSeries(60, 72, 12, 0.4, 0.005, 0.05, false, 21)
            .generate();

    private static DeepArModel train(DeepAr deepar, int workers) {
        List<Batch> train = DeepArTesting.batches(DeepArTesting.withoutLast(SERIES, 6), 16);
        SyncRounds<DeepArState, DeepArModel> rounds = new SyncRounds<>(deepar, workers, 2);
        DeepArState global = deepar.init(DataSchema.SERIES);
        for (int epoch = 0; epoch < deepar.config().epochs() && !deepar.converged(global); epoch++) {
            global = deepar.endEpoch(rounds.epoch(DataSchema.SERIES, global, List.of(train.subList(0, 2),
                    train.subList(2, train.size()))));
        }
        assertEquals(deepar.config().epochs(), global.epochsDone());
        return deepar.finalize(global);
    }

    private static Metrics evaluate(DeepAr deepar, DeepArModel model) {
        DeepArEvaluator evaluator = deepar.evaluator(model);
        for (Batch b : DeepArTesting.batches(SERIES, 16)) evaluator.add(b);
        return evaluator.result();
    }

    @Test
    void beatsSeasonalNaiveWithCalibratedIntervals() {
        DeepAr deepar = DeepArTesting.deepar(DeepArTesting.small("epochs", 40, "num_cells", 16,
                "windows_per_series", 2, "learning_rate", 0.01, "likelihood", "gaussian",
                "test_quantiles", "[0.1, 0.5, 0.9]"));
        Metrics m = evaluate(deepar, train(deepar, 1));
        assertEquals(60, m.get("series"));
        assertEquals(360, m.get("observations"));
        assertTrue(m.get("mase_ratio") < 0.8, "MASE vs seasonal naive: " + m.values());
        assertTrue(m.get("coverage") > 0.65 && m.get("coverage") < 0.92, "10%-90% coverage: " + m.values());
        assertTrue(m.get("mean_wql") < m.get("seasonal_naive_mean_wql"), m.values().toString());
    }

    @Test
    void evaluatorsOfPartsAddUpToTheEvaluatorOfTheWhole() {
        DeepAr deepar = DeepArTesting.deepar(DeepArTesting.small("epochs", 2));
        DeepArModel model = train(deepar, 1);
        Metrics whole = evaluate(deepar, model);
        List<Batch> batches = DeepArTesting.batches(SERIES, 16);
        DeepArEvaluator first = deepar.evaluator(model);
        first.add(batches.get(0));
        for (Batch b : batches.subList(1, batches.size())) {
            DeepArEvaluator part = deepar.evaluator(model);
            part.add(b);
            first.addAll(part);
        }
        Metrics combined = first.result();
        assertEquals(whole.values().keySet(), combined.values().keySet());
        for (String name : whole.values().keySet()) {
            assertEquals(whole.get(name), combined.get(name), 1e-9 * Math.abs(whole.get(name)), name);
        }
        DeepArModel other = train(DeepArTesting.deepar(DeepArTesting.small("epochs", 1)), 1);
        assertThrows(IllegalArgumentException.class,
                () -> first.addAll(deepar.evaluator(other)), "an evaluator of another model");
    }

    @Test
    void forecastsHaveTheRequestedShapeAndOrderedQuantiles() {
        DeepAr deepar = DeepArTesting.deepar(DeepArTesting.small("epochs", 2));
        DeepArModel model = train(deepar, 2);
        List<Forecast> forecasts = model.forecast(SeriesBatch.of(SERIES.get(0), SERIES.get(1)));
        assertEquals(2, forecasts.size());
        Forecast f = forecasts.get(1);
        assertEquals("s1", f.id());
        assertEquals("2006-01-01 00:00", f.start().substring(0, 16));
        assertEquals(6, f.mean().length);
        assertEquals(9, f.quantiles().size());
        double[] low = f.quantiles().get("0.1");
        double[] high = f.quantiles().get("0.9");
        for (int k = 0; k < 6; k++) assertTrue(low[k] <= f.quantiles().get("0.5")[k] && f.quantiles().get("0.5")[k]
                <= high[k], "quantiles out of order at " + k);
        List<Forecast> again = model.forecast(SeriesBatch.of(SERIES.get(1)));
        assertEquals(f.mean()[3], again.get(0).mean()[3], 0, "a series' forecast does not depend on its batch");
        Map<String, Double> metrics = deepar.epochMetrics(deepar.init(DataSchema.SERIES), java.util.Optional.empty());
        assertTrue(metrics.isEmpty());
    }

    @Test
    void anotherSamplingKeepsTheNetworkAndChangesOnlyTheSamplePaths() {
        DeepArModel model = train(DeepArTesting.deepar(DeepArTesting.small("epochs", 1)), 1);
        DeepArModel resampled = model.withSampling(7, model.seed() + 1);
        assertEquals(7, resampled.numEvalSamples());
        assertEquals(model.seed() + 1, resampled.seed());
        assertArrayEquals(model.parameters(), resampled.parameters());
        assertEquals(model.withSampling(model.numEvalSamples(), model.seed()).forecast(SeriesBatch.of(SERIES.get(0)))
                .get(0).mean()[0], model.forecast(SeriesBatch.of(SERIES.get(0))).get(0).mean()[0], 0);
        assertNotEquals(model.forecast(SeriesBatch.of(SERIES.get(0))).get(0).mean()[0],
                resampled.forecast(SeriesBatch.of(SERIES.get(0))).get(0).mean()[0]);
    }
}
