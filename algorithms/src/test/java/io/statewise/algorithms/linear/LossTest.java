package io.statewise.algorithms.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every loss's derivative agrees with central finite differences of its value, away from kinks. */
class LossTest {

    private static final double H = 1e-6;

    private static Loss loss(LossKind kind) {
        return new Loss(kind, 0.7, 0.2, 0.3, 1.0);
    }

    private static double value(Loss loss, double z, double y) {
        return loss.evaluate(z, y, new double[1], 0);
    }

    private static void assertDerivative(Loss loss, double z, double y) {
        double[] g = new double[1];
        loss.evaluate(z, y, g, 0);
        double numeric = (value(loss, z + H, y) - value(loss, z - H, y)) / (2 * H);
        assertEquals(numeric, g[0], 1e-6 * Math.max(1, Math.abs(numeric)), loss.kind() + " at z=" + z + " y=" + y);
    }

    @Test
    void regressionLossesHaveTheirDerivatives() {
        double[] scores = {-3.1, -0.95, -0.45, 0.05, 0.37, 1.9, 6.3};
        for (LossKind kind : new LossKind[] {LossKind.SQUARED_LOSS, LossKind.ABSOLUTE_LOSS, LossKind.HUBER_LOSS,
                LossKind.EPS_INSENSITIVE_SQUARED_LOSS, LossKind.EPS_INSENSITIVE_ABSOLUTE_LOSS,
                LossKind.QUANTILE_LOSS}) {
            for (double z : scores) {
                for (double y : new double[] {-1.3, 0.2, 2.5}) assertDerivative(loss(kind), z, y);
            }
        }
    }

    @Test
    void binaryLossesHaveTheirDerivatives() {
        for (LossKind kind : new LossKind[] {LossKind.LOGISTIC, LossKind.HINGE_LOSS}) {
            for (double z : new double[] {-40, -3.1, -0.4, 0.3, 0.77, 2.2, 35}) {
                for (double y : new double[] {0, 1}) assertDerivative(loss(kind), z, y);
            }
        }
    }

    @Test
    void lossValuesAreTheTextbookOnes() {
        assertEquals(0.5 * 4, value(loss(LossKind.SQUARED_LOSS), 3, 1), 1e-12);
        assertEquals(0.7 * (2 - 0.35), value(loss(LossKind.HUBER_LOSS), 3, 1), 1e-12);
        assertEquals(0.5 * 0.01, value(loss(LossKind.HUBER_LOSS), 1.1, 1), 1e-12);
        assertEquals(0.5 * 1.8 * 1.8, value(loss(LossKind.EPS_INSENSITIVE_SQUARED_LOSS), 3, 1), 1e-12);
        assertEquals(0, value(loss(LossKind.EPS_INSENSITIVE_ABSOLUTE_LOSS), 1.15, 1), 0);
        assertEquals(0.3 * 2, value(loss(LossKind.QUANTILE_LOSS), 1, 3), 1e-12);
        assertEquals(0.7 * 2, value(loss(LossKind.QUANTILE_LOSS), 3, 1), 1e-12);
        assertEquals(Math.log(2), value(loss(LossKind.LOGISTIC), 0, 1), 1e-12);
        assertEquals(40, value(loss(LossKind.LOGISTIC), 40, 0), 1e-12);
        assertEquals(0, value(loss(LossKind.LOGISTIC), 800, 1), 1e-12);
        assertEquals(1.5, value(loss(LossKind.HINGE_LOSS), 0.5, 0), 1e-12);
        assertEquals(0, value(loss(LossKind.HINGE_LOSS), 1.5, 1), 0);
    }

    @Test
    void softmaxCrossEntropyHasItsGradient() {
        double[] z = {0.3, -1.2, 2.0, 0.9};
        for (int label = 0; label < z.length; label++) {
            double[] grad = new double[z.length];
            double l = Loss.softmax(z, 0, z.length, label, grad);
            double sum = 0;
            for (double v : z) sum += Math.exp(v);
            assertEquals(Math.log(sum) - z[label], l, 1e-12);
            for (int c = 0; c < z.length; c++) {
                double[] up = z.clone();
                double[] down = z.clone();
                up[c] += H;
                down[c] -= H;
                double numeric = (Loss.softmax(up, 0, 4, label, new double[4])
                        - Loss.softmax(down, 0, 4, label, new double[4])) / (2 * H);
                assertEquals(numeric, grad[c], 1e-7);
            }
        }
        double[] huge = {1000, 0, -1000};
        double[] inPlace = huge.clone();
        double l = Loss.softmax(inPlace, 0, 3, 1, inPlace);
        assertEquals(1000, l, 1e-9);
        assertTrue(Double.isFinite(inPlace[0]) && inPlace[1] == -1);
    }
}
