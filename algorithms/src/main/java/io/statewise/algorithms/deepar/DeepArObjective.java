package io.statewise.algorithms.deepar;

import io.statewise.algorithms.nn.Lstm;
import java.util.Arrays;

/**
 * The forward pass, loss and hand-derived backward pass of DeepAR over a {@link DeepArWorkspace} of windows whose
 * inputs and targets are loaded: the LSTM stack (dropout between layers when masks are drawn), the head, the
 * mean negative log-likelihood of the scored rows, then backpropagation through the head, through time in every
 * layer and into the embeddings (an embedding's gradient sums over the steps of its windows).
 */
final class DeepArObjective {

    private final DeepArNetwork network;

    DeepArObjective(DeepArNetwork network) {
        this.network = network;
    }

    /** Runs the layers and the head: {@code ws.raw} holds every row's distribution parameters. */
    void forward(float[] params, DeepArWorkspace ws) {
        int n = ws.windows;
        int steps = ws.steps;
        int hidden = network.shape.numCells();
        float[] in = ws.x;
        for (int l = 0; l < network.layers.length; l++) {
            network.layers[l].forward(params, in, steps, n, ws.traces[l]);
            in = layerOutput(ws, l, hidden * n * steps);
        }
        network.head.forward(params, in, n * steps, ws.raw);
    }

    /** Layer {@code l}'s outputs as the next layer sees them: times its dropout mask, if any. */
    private static float[] layerOutput(DeepArWorkspace ws, int l, int count) {
        float[] out = ws.traces[l].outputs();
        float[] mask = ws.masks[l];
        if (mask == null) return out;
        float[] dropped = ws.dropped[l];
        for (int r = 0; r < count; r++) dropped[r] = out[r] * mask[r];
        return dropped;
    }

    private static float[] layerInput(DeepArWorkspace ws, int l) {
        if (l == 0) return ws.x;
        return ws.masks[l - 1] == null ? ws.traces[l - 1].outputs() : ws.dropped[l - 1];
    }

    /** Rows from step {@code fromStep} on whose target is observed. */
    static int scoredRows(DeepArWorkspace ws, int fromStep) {
        int count = 0;
        for (int r = fromStep * ws.windows; r < ws.steps * ws.windows; r++) {
            if (!Float.isNaN(ws.z[r])) count++;
        }
        return count;
    }

    /**
     * The summed negative log-likelihood of the scored rows (from step {@code fromStep}) after {@link #forward};
     * with {@code gradient}, {@code ws.dRaw} becomes the gradient of the <em>mean</em> over those rows.
     */
    double loss(DeepArWorkspace ws, int fromStep, boolean gradient) {
        Likelihood likelihood = network.shape.likelihood();
        int p = likelihood.parameters();
        int n = ws.windows;
        int rows = n * ws.steps;
        int count = scoredRows(ws, fromStep);
        if (gradient) Arrays.fill(ws.dRaw, 0, rows * p, 0f);
        double weight = count == 0 ? 0 : 1.0 / count;
        double sum = 0;
        for (int r = fromStep * n; r < rows; r++) {
            float z = ws.z[r];
            if (Float.isNaN(z)) continue;
            sum += likelihood.loss(ws.raw, r * p, z, ws.scales[r % n], gradient ? ws.dRaw : null, weight);
        }
        return sum;
    }

    /** Backpropagation of {@code ws.dRaw} into {@code ws.gradient} (overwritten). */
    void backward(float[] params, DeepArWorkspace ws) {
        int n = ws.windows;
        int steps = ws.steps;
        int rows = n * steps;
        int hidden = network.shape.numCells();
        float[] grad = ws.gradient;
        Arrays.fill(grad, 0f);
        int top = network.layers.length - 1;
        network.head.backward(params, layerInput(ws, top + 1), ws.dRaw, rows, grad, ws.dOut[top]);
        for (int l = top; l >= 0; l--) {
            float[] d = ws.dOut[l];
            float[] mask = ws.masks[l];
            if (mask != null) {
                for (int r = 0; r < rows * hidden; r++) d[r] *= mask[r];
            }
            Lstm layer = network.layers[l];
            layer.backward(params, layerInput(ws, l), steps, n, ws.traces[l], d, grad, l == 0 ? ws.dx : ws.dOut[l - 1]);
        }
        int e = network.shape.embeddingDimension();
        int cards = network.embeddings.length;
        for (int r = 0; r < rows && cards > 0; r++) {
            int w = r % n;
            for (int j = 0; j < cards; j++) {
                network.embeddings[j].backward(ws.cats[w * cards + j], ws.dx,
                        r * network.inputs + network.embeddingOffset + j * e, grad);
            }
        }
    }

    /** Forward, loss and backward: returns the summed loss; {@code ws.gradient} is that of the mean. */
    double lossAndGradient(float[] params, DeepArWorkspace ws, int fromStep) {
        forward(params, ws);
        double loss = loss(ws, fromStep, true);
        backward(params, ws);
        return loss;
    }
}
