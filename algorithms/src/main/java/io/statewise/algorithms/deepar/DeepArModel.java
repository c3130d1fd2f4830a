package io.statewise.algorithms.deepar;

import io.statewise.algorithms.Prediction;
import io.statewise.algorithms.SeriesModel;
import io.statewise.algorithms.data.SeriesBatch;
import io.statewise.algorithms.data.Timestamps;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained DeepAR network with what forecasting needs: the shape (frequency, lengths, likelihood, layers,
 * categorical and dynamic features), how the data's {@code cat} and {@code dynamic_feat} are used, the sampling
 * settings and the parameters. Immutable (arrays are copied in and out) and thread-safe: each call builds its own
 * scratch.
 *
 * @param timeFreq           {@code time_freq}
 * @param contextLength      steps read before forecasting
 * @param predictionLength   steps forecast
 * @param likelihood         the likelihood's name
 * @param numLayers          LSTM layers
 * @param numCells           cells per layer
 * @param embeddingDimension values per categorical embedding
 * @param cardinality        values of each categorical feature
 * @param ignoreCat          whether series' {@code cat} are ignored
 * @param numDynamicFeat     dynamic features
 * @param ignoreDynamic      whether series' {@code dynamic_feat} are ignored
 * @param numEvalSamples     sample paths per forecast
 * @param testQuantiles      quantile levels forecast
 * @param seed               of the sample paths
 * @param parameters         the network's parameters
 */
public record DeepArModel(String timeFreq, int contextLength, int predictionLength, String likelihood, int numLayers,
                          int numCells, int embeddingDimension, List<Integer> cardinality, boolean ignoreCat,
                          int numDynamicFeat, boolean ignoreDynamic, int numEvalSamples, List<Double> testQuantiles,
                          long seed, float[] parameters) implements SeriesModel {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public DeepArModel {
        cardinality = List.copyOf(cardinality);
        testQuantiles = List.copyOf(testQuantiles);
        parameters = parameters.clone();
        int expected = new DeepArShape(TimeFrequency.parse(timeFreq), contextLength, predictionLength,
                Likelihood.of(likelihood), numLayers, numCells, embeddingDimension, cardinality, numDynamicFeat, 0)
                .network().layout.size();
        if (parameters.length != expected) {
            throw new IllegalArgumentException("a DeepAR model of this shape has " + expected + " parameters, got "
                    + parameters.length);
        }
    }

    @Override
    public float[] parameters() {
        return parameters.clone();
    }

    /** The same network forecasting with {@code numEvalSamples} sample paths drawn from {@code seed}. */
    public DeepArModel withSampling(int numEvalSamples, long seed) {
        return new DeepArModel(timeFreq, contextLength, predictionLength, likelihood, numLayers, numCells,
                embeddingDimension, cardinality, ignoreCat, numDynamicFeat, ignoreDynamic, numEvalSamples,
                testQuantiles, seed, parameters);
    }

    @Override
    public String algorithm() {
        return DeepArProvider.NAME;
    }

    /** 0: series have no fixed feature dimension. */
    @Override
    public int featureDimension() {
        return 0;
    }

    /**
     * Not supported: a forecast needs a whole series with its start.
     *
     * @throws UnsupportedOperationException always; use {@link #forecast}
     */
    @Override
    public Prediction predict(float[] features) {
        throw new UnsupportedOperationException("deepar forecasts series (start, target, cat, dynamic_feat), not"
                + " feature vectors: use forecast(SeriesBatch)");
    }

    /** The network's dimensions. */
    public DeepArShape shape() {
        return new DeepArShape(TimeFrequency.parse(timeFreq), contextLength, predictionLength,
                Likelihood.of(likelihood), numLayers, numCells, embeddingDimension, cardinality, numDynamicFeat, 0);
    }

    /**
     * The forecast of the {@code prediction_length} steps after each series' target.
     *
     * @throws io.statewise.algorithms.data.DataException naming a series whose features do not fit the model, or
     *                                                    whose dynamic features do not cover the horizon
     */
    @Override
    public List<Forecast> forecast(SeriesBatch series) {
        DeepArShape shape = shape();
        new SeriesChecks(shape, ignoreCat, ignoreDynamic).check(series, SeriesChecks.Use.FORECAST);
        Forecaster forecaster = forecaster(shape.network());
        float[] draws = new float[numEvalSamples * predictionLength];
        double[] column = new double[numEvalSamples];
        TimeFrequency freq = shape.timeFreq();
        double[] levels = quantileLevels();
        String[] keys = new String[levels.length];
        for (int j = 0; j < levels.length; j++) keys[j] = Double.toString(levels[j]);
        List<Forecast> out = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            int length = series.length(i);
            forecaster.sample(series, i, length, draws);
            double[] mean = new double[predictionLength];
            double[][] values = new double[levels.length][predictionLength];
            SampleSummary.summarize(draws, numEvalSamples, predictionLength, levels, mean, values, column);
            Map<String, double[]> quantiles = new LinkedHashMap<>();
            for (int j = 0; j < levels.length; j++) quantiles.put(keys[j], values[j]);
            String start = Timestamps.dateTime(freq.timestamp(series.start(i), length)).format(START);
            out.add(new Forecast(series.id(i), start, mean, quantiles));
        }
        return out;
    }

    /** A sampler of this model's forecasts. */
    Forecaster forecaster(DeepArNetwork network) {
        return new Forecaster(network, parameters, numEvalSamples, seed);
    }

    /** The quantile levels as an array. */
    double[] quantileLevels() {
        return testQuantiles.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeepArModel m && m.toString().equals(toString()) && Arrays.equals(m.parameters, parameters);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parameters);
    }

    @Override
    public String toString() {
        return "DeepArModel[" + timeFreq + ", context " + contextLength + ", prediction " + predictionLength + ", "
                + likelihood + ", " + numLayers + "x" + numCells + ", cardinality " + cardinality + ", dynamic "
                + numDynamicFeat + ", samples " + numEvalSamples + ", quantiles " + testQuantiles + "]";
    }
}
