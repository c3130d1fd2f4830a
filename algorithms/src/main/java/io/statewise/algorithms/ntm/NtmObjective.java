package io.statewise.algorithms.ntm;

import io.statewise.algorithms.nn.Softmax;
import java.util.Arrays;

/**
 * The NTM's training loss over a bag of documents and its gradient: the negative ELBO of each document, reconstruction
 * plus {@code KL(q(z | x) || p(z))} (Srivastava and Sutton, "Autoencoding Variational Inference for Topic Models",
 * ICLR 2017), with one reparameterized sample {@code z = mu + sigma eps} per document from noise the caller draws.
 * Forward: encoder to {@code (mu, log sigma^2)}, {@code theta = softmax(z)}, decoder logits, word softmax. Backward,
 * derived by hand and checked against finite differences in the tests: {@code dlogits = (N p - x) / n}, through the
 * decoder to {@code dtheta}, the softmax to {@code dz}, then {@code dmu = dz + dKL/dmu} and
 * {@code dlog sigma^2 = dz eps sigma / 2 + dKL/dlog sigma^2}, and through the encoder.
 */
final class NtmObjective {

    private final NtmNetwork network;
    private final LogisticNormalPrior prior;

    NtmObjective(NtmNetwork network) {
        this.network = network;
        this.prior = new LogisticNormalPrior(network.shape.topics());
    }

    /**
     * The summed negative ELBO of {@code ws.bag}'s documents; {@code ws.gradient} receives the gradient of its mean
     * (the sum over {@code n}). Batch norm, if any, runs in training mode; its running statistics are not touched.
     *
     * @param params the parameters. Not modified.
     * @param ws     holds the bag and the noise ({@code n x K} in {@code ws.noise}); its buffers are overwritten
     */
    double lossAndGradient(float[] params, NtmWorkspace ws) {
        DocumentBag bag = ws.bag;
        int n = bag.size();
        int k = network.shape.topics();
        int v = network.shape.vocabulary();
        network.encoder.forward(params, bag, ws);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                float mu = ws.posterior[2 * k * i + t];
                float sigma = (float) Math.exp(0.5 * ws.posterior[2 * k * i + k + t]);
                ws.theta[i * k + t] = mu + sigma * ws.noise[i * k + t];
            }
        }
        Softmax.rows(ws.theta, n, k, ws.theta);
        network.decoder.forward(params, n, ws);

        double scale = 1.0 / n;
        double loss = Reconstruction.apply(ws.logits, v, bag, scale);
        for (int i = 0; i < n; i++) loss += prior.kl(ws.posterior, i);

        float[] grad = ws.gradient;
        Arrays.fill(grad, 0f);
        network.decoder.backward(params, n, ws, grad);
        Softmax.backward(ws.theta, ws.dTheta, n, k, ws.dTheta);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                float dz = ws.dTheta[i * k + t];
                float sigma = (float) Math.exp(0.5 * ws.posterior[2 * k * i + k + t]);
                ws.dPosterior[2 * k * i + t] = dz;
                ws.dPosterior[2 * k * i + k + t] = 0.5f * dz * ws.noise[i * k + t] * sigma;
            }
            prior.addGradient(ws.posterior, i, scale, ws.dPosterior);
        }
        network.encoder.backward(params, bag, ws, grad);
        return loss;
    }
}
