package io.statewise.algorithms.ntm;

import io.statewise.algorithms.text.VocabularyIndex;

/**
 * Per-batch buffers of the forward and backward passes, sized for the largest batch seen and then reused, so a
 * steady stream allocates nothing. Never encoded.
 */
final class NtmWorkspace {

    private final NtmShape shape;
    private int capacity;

    final DocumentBag bag = new DocumentBag();
    /** Text input: documents as counts over the state's vocabulary, made on the first text batch. */
    private TextDocuments text;
    float[][] hidden;
    float[][] dHidden;
    /** Posterior parameters {@code [mu, log sigma^2]}, n x 2K. */
    float[] posterior;
    float[] dPosterior;
    /** Reparameterization noise, n x K. */
    float[] noise;
    /** Topic proportions {@code softmax(z)}, n x K. */
    float[] theta;
    float[] dTheta;
    /** Logits, then word probabilities, then their gradient: n x V. */
    float[] logits;
    /** Batch norm only: logits before normalization and normalized, n x V; batch means and 1/std, V. */
    float[] preNorm;
    float[] normalized;
    float[] batchMean;
    float[] batchInvStd;
    /** The gradient, laid out like the parameters. */
    final float[] gradient;

    NtmWorkspace(NtmShape shape, int parameters) {
        this.shape = shape;
        this.gradient = new float[parameters];
        ensure(1);
    }

    /** The converter of text batches over {@code index} (the state's vocabulary, fixed for its life). */
    TextDocuments text(VocabularyIndex index) {
        if (text == null) text = new TextDocuments(index);
        return text;
    }

    /** Makes room for {@code n} documents. */
    void ensure(int n) {
        if (n <= capacity) return;
        capacity = Math.max(n, 2 * capacity);
        int k = shape.topics();
        int v = shape.vocabulary();
        hidden = new float[shape.hidden().size()][];
        dHidden = new float[shape.hidden().size()][];
        for (int l = 0; l < hidden.length; l++) {
            hidden[l] = new float[capacity * shape.hidden().get(l)];
            dHidden[l] = new float[capacity * shape.hidden().get(l)];
        }
        posterior = new float[capacity * 2 * k];
        dPosterior = new float[capacity * 2 * k];
        noise = new float[capacity * k];
        theta = new float[capacity * k];
        dTheta = new float[capacity * k];
        logits = new float[Math.multiplyExact(capacity, v)];
        if (shape.batchNorm()) {
            preNorm = new float[capacity * v];
            normalized = new float[capacity * v];
            batchMean = new float[v];
            batchInvStd = new float[v];
        }
    }
}
