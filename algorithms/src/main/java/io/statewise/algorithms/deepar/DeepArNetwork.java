package io.statewise.algorithms.deepar;

import io.statewise.algorithms.nn.Dense;
import io.statewise.algorithms.nn.Embedding;
import io.statewise.algorithms.nn.GaussianSampler;
import io.statewise.algorithms.nn.Lstm;
import io.statewise.algorithms.nn.ParameterLayout;

/**
 * DeepAR's layers over one flat parameter vector: an embedding per categorical feature, {@code num_layers} stacked
 * LSTMs and a dense head giving the likelihood's raw parameters per step. The input of a step
 * ({@link #inputs} values) is, in this order: the lagged values divided by the series' scale, the calendar features
 * of the step, its age {@code log10(2 + t)}, the dynamic features, the embeddings, and {@code log(scale)} (so the
 * network can tell large series from small ones after scaling). Immutable.
 */
final class DeepArNetwork {

    final DeepArShape shape;
    final ParameterLayout layout;
    final Embedding[] embeddings;
    final Lstm[] layers;
    final Dense head;
    final int[] lags;
    /** Offsets of the input groups within a step's input. */
    final int dateOffset;
    final int ageOffset;
    final int dynamicOffset;
    final int embeddingOffset;
    final int scaleOffset;
    /** Values per step's input. */
    final int inputs;

    DeepArNetwork(DeepArShape shape) {
        this.shape = shape;
        this.lags = shape.timeFreq().lags();
        this.dateOffset = lags.length;
        this.ageOffset = dateOffset + shape.timeFreq().dateFeatures();
        this.dynamicOffset = ageOffset + 1;
        this.embeddingOffset = dynamicOffset + shape.numDynamicFeat();
        this.scaleOffset = embeddingOffset + shape.cardinality().size() * shape.embeddingDimension();
        this.inputs = scaleOffset + 1;
        ParameterLayout.Builder b = ParameterLayout.builder();
        for (int j = 0; j < shape.cardinality().size(); j++) {
            Embedding.declare(b, "embedding" + j, shape.cardinality().get(j), shape.embeddingDimension());
        }
        for (int l = 0; l < shape.numLayers(); l++) {
            Lstm.declare(b, "lstm" + l, l == 0 ? inputs : shape.numCells(), shape.numCells());
        }
        Dense.declare(b, "head", shape.numCells(), shape.likelihood().parameters());
        this.layout = b.build();
        this.embeddings = new Embedding[shape.cardinality().size()];
        for (int j = 0; j < embeddings.length; j++) embeddings[j] = Embedding.in(layout, "embedding" + j);
        this.layers = new Lstm[shape.numLayers()];
        for (int l = 0; l < layers.length; l++) layers[l] = Lstm.in(layout, "lstm" + l);
        this.head = Dense.in(layout, "head");
    }

    /** The longest lag: how far before a window its inputs reach. */
    int maxLag() {
        return lags[lags.length - 1];
    }

    /** Initial parameters from {@code seed}. */
    float[] initialParameters(long seed) {
        float[] params = new float[layout.size()];
        GaussianSampler random = new GaussianSampler(seed);
        for (Embedding e : embeddings) e.initialize(params, random);
        for (Lstm l : layers) l.initialize(params, random);
        head.initialize(params, random);
        return params;
    }
}
