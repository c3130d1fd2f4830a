package io.statewise.algorithms.deepar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.statewise.algorithms.nn.GaussianSampler;
import io.statewise.algorithms.nn.GradientCheck;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each likelihood's loss gradient against finite differences, and its sampler against its own moments. */
class LikelihoodTest {

    private static final GradientCheck CHECK = GradientCheck.standard().with(1e-3, 2e-2);
    private static final int SAMPLES = 40_000;

    /** A value in the likelihood's support, in series units. */
    private static double value(Likelihood l, Random r, double scale) {
        return switch (l.name()) {
            case "negative-binomial" -> Math.rint(scale * (0.5 + 2 * r.nextDouble()));
            case "beta" -> 0.05 + 0.9 * r.nextDouble();
            default -> scale * (2 * r.nextDouble() - 1);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "student-t", "negative-binomial", "beta", "deterministic-l1"})
    void lossGradientMatchesFiniteDifferences(String name) {
        Likelihood l = Likelihood.of(name);
        Random r = new Random(name.hashCode());
        for (int trial = 0; trial < 20; trial++) {
            double scale = l.scaled() ? 0.5 + 20 * r.nextDouble() : 1;
            double z = value(l, r, scale);
            float[] raw = GradientCheck.gaussian(r, l.parameters() + 2, 0.8);
            if (name.equals("deterministic-l1") && Math.abs(z / scale - raw[1]) < 0.05) continue; // the kink
            float[] d = new float[raw.length];
            double loss = l.loss(raw, 1, z, scale, d, 1.0);
            assertEquals(loss, l.loss(raw, 1, z, scale, null, 1.0), 0, "the loss does not depend on the gradient");
            CHECK.check(name + " trial " + trial, () -> l.loss(raw, 1, z, scale, null, 1.0), raw, d, 1,
                    1 + l.parameters(), trial);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "student-t", "negative-binomial", "beta"})
    void samplesMinimizeTheLossAtTheirParameters(String name) {
        // the mean loss of draws from a distribution is lower under that distribution than under a shifted one
        Likelihood l = Likelihood.of(name);
        float[] raw = {0.3f, -0.2f, 0.5f};
        float[] shifted = {1.3f, 0.8f, -0.5f};
        double scale = l.scaled() ? 7 : 1;
        GaussianSampler random = new GaussianSampler(5);
        double own = 0;
        double other = 0;
        double mean = 0;
        for (int s = 0; s < SAMPLES; s++) {
            double z = l.sample(raw, 0, scale, random);
            own += l.loss(raw, 0, z, scale, null, 1);
            other += l.loss(shifted, 0, z, scale, null, 1);
            mean += z;
        }
        assertEquals(true, own < other, name + ": " + own / SAMPLES + " vs " + other / SAMPLES);
        mean /= SAMPLES;
        double expected = switch (name) {
            case "negative-binomial" -> (io.statewise.algorithms.nn.Activation.softplus(0.3) + 1e-6) * scale;
            case "beta" -> {
                double a = io.statewise.algorithms.nn.Activation.softplus(0.3);
                double b = io.statewise.algorithms.nn.Activation.softplus(-0.2);
                yield a / (a + b);
            }
            default -> 0.3 * scale;
        };
        assertEquals(expected, mean, 0.05 * Math.max(1, Math.abs(expected)), name + " sample mean");
    }

    @ParameterizedTest
    @ValueSource(strings = {"negative-binomial", "beta"})
    void valuesOutsideTheSupportAreRejected(String name) {
        Likelihood l = Likelihood.of(name);
        assertNotNull(l.reject(-1));
        assertNull(l.reject(0.5));
        assertNull(Likelihood.of("gaussian").reject(-1));
    }
}
