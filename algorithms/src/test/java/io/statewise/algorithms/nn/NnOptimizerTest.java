package io.statewise.algorithms.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The update rules: their first steps in closed form, the gradient policy, and convergence on a quadratic. */
class NnOptimizerTest {

    private static float[][] moments(Optimizer o, int count) {
        return new float[o.slots()][count];
    }

    private static float firstStep(Optimizer o, float w, float g) {
        float[] p = {w};
        o.step(p, new float[] {g}, moments(o, 1), 1, 1, GradientPolicy.NONE);
        return p[0];
    }

    @Test
    void firstStepsInClosedForm() {
        assertEquals(1 - 0.1 * 2, firstStep(new Optimizer.Sgd(0.1, 0), 1, 2), 1e-7);
        assertEquals(1 - 0.1 * 2, firstStep(new Optimizer.Sgd(0.1, 0.9), 1, 2), 1e-7);
        // Adam's bias-corrected first step is lr * g / (|g| + eps): the sign of the gradient times lr
        assertEquals(1 - 0.01, firstStep(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8), 1, 2), 1e-6);
        assertEquals(1 + 0.01 * 0.5 / Math.sqrt(0.1 * 0.25 + 1e-8),
                firstStep(new Optimizer.RmsProp(0.01, 0.9, 1e-8), 1, -0.5f), 1e-6);
        double a = 0.1 * 4;
        assertEquals(1 - Math.sqrt(1e-5) / Math.sqrt(a + 1e-5) * 2, firstStep(new Optimizer.AdaDelta(0.9, 1e-5), 1, 2),
                1e-7);
    }

    @Test
    void momentumAccumulatesVelocity() {
        Optimizer o = new Optimizer.Sgd(0.1, 0.5);
        float[] p = {0};
        float[][] m = moments(o, 1);
        o.step(p, new float[] {1}, m, 1, 1, GradientPolicy.NONE);
        o.step(p, new float[] {1}, m, 1, 2, GradientPolicy.NONE);
        assertEquals(-0.1 - (0.5 * 0.1 + 0.1), p[0], 1e-7);
    }

    @Test
    void gradientPolicyRescalesClipsThenDecays() {
        GradientPolicy p = new GradientPolicy(0.5, 1, 0.1);
        assertEquals(0.5 * 1 + 0.1 * 2, p.apply(1, 2), 1e-12);
        assertEquals(1 + 0.1 * 2, p.apply(10, 2), 1e-12);
        assertEquals(-1 - 0.1 * 2, p.apply(-10, -2), 1e-12);
        float[] w = {1, 1};
        new Optimizer.Sgd(1, 0).step(w, new float[] {0, 0}, new float[0][], 1, 1, new GradientPolicy(1, 1, 0.5));
        assertEquals(0.5, w[0], 1e-7, "weight decay shrinks");
        assertEquals(1, w[1], 0, "only the first count parameters move");
    }

    @Test
    void everyRuleMinimizesAnIllConditionedQuadratic() {
        List<Optimizer> rules = List.of(new Optimizer.Sgd(0.05, 0), new Optimizer.Sgd(0.02, 0.9),
                new Optimizer.Adam(0.05, 0.9, 0.999, 1e-8), new Optimizer.RmsProp(0.01, 0.9, 1e-8),
                new Optimizer.AdaDelta(0.9, 1e-5));
        Random r = new Random(3);
        int d = 10;
        double[] curvature = new double[d];
        float[] target = new float[d];
        for (int i = 0; i < d; i++) {
            curvature[i] = 0.5 + 9.5 * i / (d - 1);
            target[i] = (float) r.nextGaussian();
        }
        for (Optimizer o : rules) {
            float[] w = new float[d];
            float[][] m = moments(o, d);
            float[] g = new float[d];
            for (int step = 1; step <= 3000; step++) {
                for (int i = 0; i < d; i++) g[i] = (float) (curvature[i] * (w[i] - target[i]));
                o.step(w, g, m, d, step, GradientPolicy.NONE);
            }
            for (int i = 0; i < d; i++) {
                assertTrue(Math.abs(w[i] - target[i]) < 0.05, o + " stopped at " + w[i] + " for " + target[i]);
            }
        }
    }
}
