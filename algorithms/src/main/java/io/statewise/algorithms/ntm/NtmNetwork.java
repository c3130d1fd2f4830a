package io.statewise.algorithms.ntm;

import io.statewise.algorithms.nn.Activation;
import io.statewise.algorithms.nn.Dense;
import io.statewise.algorithms.nn.GaussianSampler;
import io.statewise.algorithms.nn.ParameterLayout;

/**
 * The NTM's parameter layout and layers: the {@link Encoder} (first, so a model's encoder is a prefix of the
 * parameters), then the {@link Decoder}; batch-norm running statistics are buffers at the end. Immutable.
 */
final class NtmNetwork {

    final NtmShape shape;
    final ParameterLayout layout;
    final Encoder encoder;
    final Decoder decoder;
    /** Length of the encoder's prefix of the parameters. */
    final int encoderSize;

    NtmNetwork(NtmShape shape, Activation activation) {
        this.shape = shape;
        ParameterLayout.Builder b = ParameterLayout.builder();
        Encoder.declare(b, shape.vocabulary(), shape.hidden(), shape.topics());
        Decoder.declare(b, shape.topics(), shape.vocabulary(), shape.batchNorm());
        this.layout = b.build();
        this.encoder = Encoder.in(layout, shape.hidden().size(), activation);
        this.decoder = Decoder.in(layout, shape.batchNorm());
        this.encoderSize = encoder.posterior().bias().end();
    }

    /**
     * Initial parameters from {@code seed}: Xavier uniform weights and zero biases; the posterior starts at
     * {@code mu = 0, sigma = 1} up to its weights; batch norm at identity.
     */
    float[] initialParameters(long seed) {
        float[] params = new float[layout.size()];
        GaussianSampler random = new GaussianSampler(seed);
        for (Dense d : encoder.hidden()) d.initialize(params, random);
        encoder.posterior().initialize(params, random);
        double limit = Math.sqrt(6.0 / (shape.topics() + shape.vocabulary()));
        for (int i = decoder.topicWord().offset(); i < decoder.topicWord().end(); i++) {
            params[i] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
        if (decoder.norm() != null) decoder.norm().initialize(params);
        return params;
    }
}
