package io.statewise.algorithms.ntm;

import io.statewise.algorithms.nn.Softmax;

/**
 * The reconstruction term of the loss: the negative log-likelihood of a document's words under the word distribution
 * {@code p = softmax(logits)}, {@code -sum_w x_w log p_w = N lse(logits) - sum_w x_w logits_w} for a document of
 * {@code N} words. Its gradient with respect to the logits is {@code N p - x}.
 */
final class Reconstruction {

    private Reconstruction() {}

    /**
     * The reconstruction loss of each document of {@code bag} given its logits (row {@code i} of {@code logits},
     * {@code V} wide), summed. With {@code scale != 0}, {@code logits} is overwritten by {@code scale} times the
     * gradient {@code N p - x}; otherwise left unchanged.
     */
    static double apply(float[] logits, int v, DocumentBag bag, double scale) {
        double total = 0;
        int[] rowStart = bag.rowStart();
        int[] words = bag.words();
        float[] counts = bag.counts();
        for (int i = 0; i < bag.size(); i++) {
            int off = i * v;
            double observed = 0;
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) observed += (double) counts[p] * logits[off + words[p]];
            double n = bag.total(i);
            double lse;
            if (scale == 0) {
                lse = Softmax.logSumExp(logits, off, v);
            } else {
                // one exp per word: the row becomes exp(l - max), its sum gives the lse, then the gradient N p - x
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < v; j++) max = Math.max(max, logits[off + j]);
                double sum = 0;
                for (int j = 0; j < v; j++) {
                    float e = (float) Math.exp(logits[off + j] - max);
                    logits[off + j] = e;
                    sum += e;
                }
                lse = max + Math.log(sum);
                float factor = (float) (scale * n / sum);
                for (int j = 0; j < v; j++) logits[off + j] *= factor;
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) logits[off + words[p]]
                        -= (float) (scale * counts[p]);
            }
            double loss = n * lse - observed;
            total += loss;
        }
        return total;
    }
}
