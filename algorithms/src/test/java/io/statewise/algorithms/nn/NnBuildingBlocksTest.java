package io.statewise.algorithms.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Parameter layouts, batch products against the textbook definition, and the seeded sampler. */
class NnBuildingBlocksTest {

    @Test
    void layoutPutsTrainableSlicesFirst() {
        ParameterLayout.Builder b = ParameterLayout.builder();
        b.weights("a", 2, 3).buffer("stats", 4).weights("c", 1, 5);
        ParameterLayout layout = b.build();
        assertEquals(11, layout.trainableSize());
        assertEquals(15, layout.size());
        assertEquals(0, layout.slice("a").offset());
        assertEquals(6, layout.slice("c").offset());
        assertEquals(11, layout.slice("stats").offset());
        assertEquals(5, layout.slice("a").at(1, 2));
        assertThrows(IllegalArgumentException.class, () -> ParameterLayout.builder().weights("x", 1, 1)
                .weights("x", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> layout.slice("missing"));
    }

    @Test
    void productsMatchTheDefinition() {
        Random r = new Random(5);
        int n = 7;
        int k = 5;
        int m = 11;
        int off = 3;
        float[] a = GradientCheck.gaussian(r, n * k, 1);
        float[] b = GradientCheck.gaussian(r, off + k * m, 1);
        float[] c = new float[n * m];
        MatMul.multiply(a, n, k, b, off, m, c);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) s += a[i * k + t] * b[off + t * m + j];
                assertEquals(s, c[i * m + j], 1e-5);
            }
        }
        float[] y = GradientCheck.gaussian(r, n * m, 1);
        float[] g = new float[off + k * m];
        MatMul.addTransposeAMultiply(a, n, k, y, m, g, off);
        for (int t = 0; t < k; t++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += a[i * k + t] * y[i * m + j];
                assertEquals(s, g[off + t * m + j], 1e-5);
            }
        }
        float[] dx = new float[n * k];
        MatMul.multiplyTransposeB(y, n, m, b, off, k, dx);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                double s = 0;
                for (int j = 0; j < m; j++) s += y[i * m + j] * b[off + t * m + j];
                assertEquals(s, dx[i * k + t], 1e-5);
            }
        }
    }

    @Test
    void samplerIsStandardNormalAndContinuesFromItsState() {
        GaussianSampler s = new GaussianSampler(42);
        float[] x = new float[200_001];
        s.fill(x, x.length);
        double mean = 0;
        double sq = 0;
        for (float v : x) {
            mean += v;
            sq += v * v;
        }
        mean /= x.length;
        assertEquals(0, mean, 0.01);
        assertEquals(1, sq / x.length - mean * mean, 0.01);
        GaussianSampler copy = new GaussianSampler(s.state());
        float[] a = new float[9];
        float[] b = new float[9];
        s.fill(a, 9);
        copy.fill(b, 9);
        assertArrayEquals(a, b);
        float[] again = new float[9];
        new GaussianSampler(42).fill(again, 9);
        assertEquals(x[0], again[0]);
    }
}
