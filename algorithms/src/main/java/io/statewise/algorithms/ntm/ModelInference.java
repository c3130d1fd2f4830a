package io.statewise.algorithms.ntm;

import io.statewise.algorithms.nn.MatMul;
import io.statewise.algorithms.nn.ParameterLayout;
import io.statewise.algorithms.nn.Softmax;

/**
 * A model's forward pass over a bag of documents: the encoder to {@code (mu, log sigma^2)}, {@code theta =
 * softmax(mu)} (the posterior mean, no sampling), and the folded decoder's logits {@code theta W + c}. Holds the
 * model's weights (shared, read-only) and its own buffers; single-threaded.
 */
final class ModelInference {

    private final NtmModel model;
    private final Encoder encoder;
    private final float[] decoder;
    final NtmWorkspace workspace;

    ModelInference(NtmModel model) {
        this.model = model;
        int k = model.numTopics();
        int v = model.featureDim();
        ParameterLayout layout = Encoder.layout(v, model.encoderLayers(), k);
        this.encoder = Encoder.in(layout, model.encoderLayers().size(), model.activation());
        this.decoder = model.decoderWeights();
        this.workspace = new NtmWorkspace(new NtmShape(v, k, model.encoderLayers(), false, 0), 0);
    }

    /** Fills {@code workspace.posterior}, {@code workspace.theta} and {@code workspace.logits} for its bag. */
    void forward() {
        NtmWorkspace ws = workspace;
        int n = ws.bag.size();
        int k = model.numTopics();
        int v = model.featureDim();
        ws.ensure(n);
        encoder.forward(model.encoderShared(), ws.bag, ws);
        for (int i = 0; i < n; i++) System.arraycopy(ws.posterior, 2 * k * i, ws.theta, k * i, k);
        Softmax.rows(ws.theta, n, k, ws.theta);
        MatMul.multiply(ws.theta, n, k, decoder, 0, v, ws.logits);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < v; j++) ws.logits[i * v + j] += decoder[k * v + j];
        }
    }
}
