package io.statewise.ops.http;

import com.fasterxml.jackson.databind.util.StdConverter;
import io.statewise.algorithms.deepar.DeepArModel;
import java.util.List;

/**
 * The JSON form of a {@link DeepArModel}: its configuration and the size of its network, rather than the parameters
 * (tens of thousands of floats that no client reads as JSON; the model's binary encoding keeps them).
 *
 * @param timeFreq         the series' frequency
 * @param contextLength    steps read before forecasting
 * @param predictionLength steps forecast
 * @param likelihood       the output distribution
 * @param numLayers        LSTM layers
 * @param numCells         cells per layer
 * @param cardinality      values of each categorical feature (empty: none used)
 * @param numDynamicFeat   dynamic features used
 * @param numEvalSamples   sample paths per forecast
 * @param testQuantiles    quantile levels forecast
 * @param parameters       the network's parameter count
 */
public record DeepArView(String timeFreq, int contextLength, int predictionLength, String likelihood, int numLayers,
                         int numCells, List<Integer> cardinality, int numDynamicFeat, int numEvalSamples,
                         List<Double> testQuantiles, int parameters) {

    /** The view of {@code model}. */
    public static DeepArView of(DeepArModel m) {
        return new DeepArView(m.timeFreq(), m.contextLength(), m.predictionLength(), m.likelihood(), m.numLayers(),
                m.numCells(), m.cardinality(), m.numDynamicFeat(), m.numEvalSamples(), m.testQuantiles(),
                m.parameters().length);
    }

    /** Serializes DeepAR models through their view ({@link JsonSupport} registers it). */
    static final class Converter extends StdConverter<DeepArModel, DeepArView> {
        @Override
        public DeepArView convert(DeepArModel model) {
            return of(model);
        }
    }
}
