package io.statewise.algorithms.deepar;

import java.util.List;

/**
 * What fixes the size and layout of a DeepAR network and its training state.
 *
 * @param timeFreq           the frequency: its lags and date features are inputs
 * @param contextLength      steps read before forecasting
 * @param predictionLength   steps forecast
 * @param likelihood         the output distribution: its parameters are the head's outputs
 * @param numLayers          LSTM layers
 * @param numCells           cells per layer
 * @param embeddingDimension values per categorical embedding
 * @param cardinality        values of each categorical feature
 * @param numDynamicFeat     dynamic features
 * @param slots              optimizer moment arrays
 */
public record DeepArShape(TimeFrequency timeFreq, int contextLength, int predictionLength, Likelihood likelihood,
                          int numLayers, int numCells, int embeddingDimension, List<Integer> cardinality,
                          int numDynamicFeat, int slots) {

    public DeepArShape {
        cardinality = List.copyOf(cardinality);
        if (contextLength < 1 || predictionLength < 1 || numLayers < 1 || numCells < 1 || embeddingDimension < 1
                || numDynamicFeat < 0 || slots < 0) {
            throw new IllegalArgumentException("bad DeepAR shape: " + this);
        }
    }

    /** The network of this shape. */
    DeepArNetwork network() {
        return new DeepArNetwork(this);
    }
}
