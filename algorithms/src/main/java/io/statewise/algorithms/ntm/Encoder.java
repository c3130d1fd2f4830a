package io.statewise.algorithms.ntm;

import io.statewise.algorithms.nn.Activation;
import io.statewise.algorithms.nn.Dense;
import io.statewise.algorithms.nn.ParameterLayout;
import java.util.List;

/**
 * The inference network {@code q(z | x)}: hidden dense layers with one activation over the word counts of a bag of
 * words (the first layer reads only the non-zero counts), then one affine layer to the posterior's parameters, row
 * {@code [mu_1..mu_K, log sigma^2_1..log sigma^2_K]}. Its slices come first in the training layout, so the model's
 * encoder is a prefix of the training parameters.
 *
 * @param hidden     the hidden layers, input to output
 * @param posterior  the last hidden layer to {@code 2K} outputs
 * @param activation of the hidden layers
 */
record Encoder(List<Dense> hidden, Dense posterior, Activation activation) {

    Encoder {
        hidden = List.copyOf(hidden);
    }

    /** Declares the encoder's slices: {@code encoder0..}, {@code posterior}. */
    static void declare(ParameterLayout.Builder b, int vocabulary, List<Integer> sizes, int topics) {
        int in = vocabulary;
        for (int l = 0; l < sizes.size(); l++) {
            Dense.declare(b, "encoder" + l, in, sizes.get(l));
            in = sizes.get(l);
        }
        Dense.declare(b, "posterior", in, 2 * topics);
    }

    /** The encoder declared in {@code layout}. */
    static Encoder in(ParameterLayout layout, int layers, Activation activation) {
        Dense[] dense = new Dense[layers];
        for (int l = 0; l < layers; l++) dense[l] = Dense.in(layout, "encoder" + l);
        return new Encoder(List.of(dense), Dense.in(layout, "posterior"), activation);
    }

    /** The layout of an encoder alone (a model's), the same offsets as in the training layout. */
    static ParameterLayout layout(int vocabulary, List<Integer> sizes, int topics) {
        ParameterLayout.Builder b = ParameterLayout.builder();
        declare(b, vocabulary, sizes, topics);
        return b.build();
    }

    /** {@code ws.posterior} (n x 2K) for the bag's documents; keeps the hidden activations in {@code ws}. */
    void forward(float[] params, DocumentBag bag, NtmWorkspace ws) {
        int n = bag.size();
        hidden.get(0).forwardSparse(params, bag.rowStart(), bag.words(), bag.counts(), n, ws.hidden[0]);
        activation.apply(ws.hidden[0], n * hidden.get(0).outputs());
        for (int l = 1; l < hidden.size(); l++) {
            hidden.get(l).forward(params, ws.hidden[l - 1], n, ws.hidden[l]);
            activation.apply(ws.hidden[l], n * hidden.get(l).outputs());
        }
        posterior.forward(params, ws.hidden[hidden.size() - 1], n, ws.posterior);
    }

    /** Accumulates the encoder's gradient from {@code ws.dPosterior}, after {@link #forward} on the same bag. */
    void backward(float[] params, DocumentBag bag, NtmWorkspace ws, float[] grad) {
        int n = bag.size();
        int last = hidden.size() - 1;
        posterior.backward(params, ws.hidden[last], ws.dPosterior, n, grad, ws.dHidden[last]);
        for (int l = last; l >= 0; l--) {
            activation.backward(ws.hidden[l], ws.dHidden[l], n * hidden.get(l).outputs());
            if (l > 0) {
                hidden.get(l).backward(params, ws.hidden[l - 1], ws.dHidden[l], n, grad, ws.dHidden[l - 1]);
            } else {
                hidden.get(0).backwardSparse(bag.rowStart(), bag.words(), bag.counts(), n, ws.dHidden[0], grad);
            }
        }
    }
}
