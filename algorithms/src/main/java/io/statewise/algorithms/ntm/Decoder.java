package io.statewise.algorithms.ntm;

import io.statewise.algorithms.nn.BatchNorm;
import io.statewise.algorithms.nn.MatMul;
import io.statewise.algorithms.nn.ParameterLayout;
import io.statewise.algorithms.nn.ParameterSlice;

/**
 * The generative network {@code p(x | theta)} of ProdLDA: word logits {@code theta B} for the topic-word matrix
 * {@code B} ({@code K x V}), plus a per-word bias, or batch-normalized when {@code batch_norm} is set (Srivastava and
 * Sutton, ICLR 2017: the normalization's shift then plays the bias). The word distribution is the softmax of the
 * logits, a product of experts rather than LDA's mixture.
 *
 * @param topicWord {@code K x V}
 * @param bias      {@code 1 x V}, null with batch norm
 * @param norm      the batch norm over V, or null
 */
record Decoder(ParameterSlice topicWord, ParameterSlice bias, BatchNorm norm) {

    static void declare(ParameterLayout.Builder b, int topics, int vocabulary, boolean batchNorm) {
        b.weights("decoder.topicWord", topics, vocabulary);
        if (batchNorm) BatchNorm.declare(b, "decoder.norm", vocabulary);
        else b.weights("decoder.bias", 1, vocabulary);
    }

    static Decoder in(ParameterLayout layout, boolean batchNorm) {
        return batchNorm ? new Decoder(layout.slice("decoder.topicWord"), null, BatchNorm.in(layout, "decoder.norm"))
                : new Decoder(layout.slice("decoder.topicWord"), layout.slice("decoder.bias"), null);
    }

    int topics() {
        return topicWord.rows();
    }

    int vocabulary() {
        return topicWord.cols();
    }

    /** Training mode: {@code ws.logits} (n x V) from {@code ws.theta}; batch statistics kept in {@code ws}. */
    void forward(float[] params, int n, NtmWorkspace ws) {
        int v = vocabulary();
        if (norm == null) {
            MatMul.multiply(ws.theta, n, topics(), params, topicWord.offset(), v, ws.logits);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < v; j++) ws.logits[i * v + j] += params[bias.offset() + j];
            }
        } else {
            MatMul.multiply(ws.theta, n, topics(), params, topicWord.offset(), v, ws.preNorm);
            norm.forwardTraining(params, ws.preNorm, n, ws.logits, ws.normalized, ws.batchMean, ws.batchInvStd);
        }
    }

    /** Accumulates the gradient from {@code ws.logits} (now holding d loss / d logits) into {@code grad}; sets
     * {@code ws.dTheta}. Overwrites {@code ws.logits}. */
    void backward(float[] params, int n, NtmWorkspace ws, float[] grad) {
        int v = vocabulary();
        float[] dPre = ws.logits;
        if (norm == null) MatMul.addColumnSums(ws.logits, n, v, grad, bias.offset());
        else norm.backward(params, ws.logits, ws.normalized, ws.batchInvStd, n, grad, dPre);
        MatMul.addTransposeAMultiply(ws.theta, n, topics(), dPre, v, grad, topicWord.offset());
        MatMul.multiplyTransposeB(dPre, n, v, params, topicWord.offset(), topics(), ws.dTheta);
    }

    /** After a good step: the batch norm's running statistics follow the batch's. */
    void updateRunning(float[] params, NtmWorkspace ws) {
        if (norm != null) norm.updateRunning(params, ws.batchMean, ws.batchInvStd);
    }

    /**
     * The decoder as inference sees it, with the batch norm's running statistics folded in: logits {@code theta W +
     * c}. Without batch norm {@code W = B}, {@code c = bias}; with it {@code W_kv = B_kv s_v} and {@code c_v = beta_v
     * - s_v mean_v} for {@code s_v = gamma_v / sqrt(var_v + eps)}.
     *
     * @return {@code K x V} weights, then the bias as one more row
     */
    float[][] fold(float[] params) {
        int k = topics();
        int v = vocabulary();
        float[][] out = new float[k + 1][v];
        for (int j = 0; j < v; j++) {
            double scale = 1;
            double shift = bias == null ? 0 : params[bias.offset() + j];
            if (norm != null) {
                scale = norm.inferenceScale(params, j);
                shift = norm.inferenceShift(params, j, scale);
            }
            for (int t = 0; t < k; t++) out[t][j] = (float) (scale * params[topicWord.at(t, j)]);
            out[k][j] = (float) shift;
        }
        return out;
    }
}
