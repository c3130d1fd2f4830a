package io.statewise.algorithms.ntm;

import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.nn.Activation;
import io.statewise.algorithms.nn.GradientCheck;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole NTM loss (negative ELBO: encoder, reparameterization, softmax, decoder with or without batch norm,
 * reconstruction and KL) against finite differences, for every encoder activation, in every parameter block.
 */
class NtmGradientTest {

    private static void checkLoss(Activation activation, boolean batchNorm, long seed) {
        Random r = new Random(seed);
        int v = 12;
        int k = 3;
        NtmShape shape = new NtmShape(v, k, List.of(5, 4), batchNorm, 0);
        NtmNetwork network = shape.network(activation);
        float[] params = network.initialParameters(seed);
        for (int i = 0; i < network.layout.trainableSize(); i++) params[i] += (float) (0.3 * r.nextGaussian());
        NtmWorkspace ws = new NtmWorkspace(shape, network.layout.size());
        SparseBatch batch = new SparseBatch(5, v);
        for (int d = 0; d < 5; d++) {
            for (int w = 0; w < v; w++) {
                if (r.nextDouble() < 0.4) batch.add(w, 1 + r.nextInt(3));
            }
            batch.commitRecord(0);
        }
        for (int d = 0; d < batch.size(); d++) {
            double total = DocumentBag.words(batch, d);
            if (total > 0) ws.bag.add(batch, d, total);
        }
        int n = ws.bag.size();
        ws.ensure(n);
        float[] noise = GradientCheck.gaussian(r, n * k, 1);
        NtmObjective objective = new NtmObjective(network);
        GradientCheck.Objective f = () -> {
            System.arraycopy(noise, 0, ws.noise, 0, noise.length);
            return objective.lossAndGradient(params, ws) / n;
        };
        f.value();
        float[] analytic = ws.gradient.clone();
        String what = activation + (batchNorm ? " with batch norm" : "");
        for (var slice : network.layout.slices()) {
            if (!slice.trainable()) continue;
            GradientCheck.standard().check(what + " " + slice.name(), f, params, analytic, slice.offset(), slice.end(),
                    seed + slice.offset());
        }
    }

    @Test
    void negativeElboWithEveryActivation() {
        long seed = 1;
        for (Activation a : List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU)) checkLoss(a, false, seed++);
    }

    @Test
    void negativeElboWithBatchNormalizedDecoder() {
        checkLoss(Activation.SIGMOID, true, 7);
        checkLoss(Activation.TANH, true, 8);
    }
}
