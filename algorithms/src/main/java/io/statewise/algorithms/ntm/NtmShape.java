package io.statewise.algorithms.ntm;

import io.statewise.algorithms.nn.Activation;
import java.util.List;

/**
 * The dimensions of an NTM and its training state.
 *
 * @param vocabulary V, words
 * @param topics     K
 * @param hidden     encoder hidden layer sizes
 * @param batchNorm  whether the decoder's logits are batch-normalized
 * @param slots      optimizer moment arrays
 */
public record NtmShape(int vocabulary, int topics, List<Integer> hidden, boolean batchNorm, int slots) {

    public NtmShape {
        hidden = List.copyOf(hidden);
        if (vocabulary < 1 || topics < 2 || hidden.isEmpty() || slots < 0 || slots > 2) {
            throw new IllegalArgumentException("bad NTM shape: V=" + vocabulary + " K=" + topics + " hidden=" + hidden
                    + " slots=" + slots);
        }
    }

    /** Length of the parameter vector (trainable prefix and buffers). */
    int parameters() {
        return network(Activation.IDENTITY).layout.size();
    }

    /** Length of the trainable prefix: the size of each optimizer moment array. */
    int trainable() {
        return network(Activation.IDENTITY).layout.trainableSize();
    }

    /** The network of this shape, with the given encoder activation. */
    NtmNetwork network(Activation activation) {
        return new NtmNetwork(this, activation);
    }
}
