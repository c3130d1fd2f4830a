package io.statewise.algorithms.pca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Zero and dependent vectors add nothing; the basis is completed to the minimum and stays orthonormal. */
class OrthonormalBasisTest {

    private static void assertOrthonormal(double[] q, int d) {
        int rows = q.length / d;
        for (int a = 0; a < rows; a++) {
            for (int b = a; b < rows; b++) {
                assertEquals(a == b ? 1 : 0, DenseKernels.dot(q, a * d, q, b * d, d), 1e-12, a + "." + b);
            }
        }
    }

    @Test
    void dependentAndZeroVectorsAreSkippedAndTheBasisIsCompleted() {
        int d = 7;
        Random random = new Random(1);
        double[] v = new double[5 * d];
        for (int j = 0; j < d; j++) {
            v[j] = random.nextGaussian();
            v[d + j] = random.nextGaussian();
            v[3 * d + j] = 2 * v[j] - 3 * v[d + j]; // dependent; row 2 is zero
            v[4 * d + j] = v[j];
        }
        double[] q = OrthonormalBasis.of(v, 5, d, 1);
        assertEquals(2 * d, q.length);
        assertOrthonormal(q, d);
        double[] completed = OrthonormalBasis.of(v, 5, d, 5);
        assertEquals(5 * d, completed.length);
        assertOrthonormal(completed, d);
        assertEquals(d * d, OrthonormalBasis.of(new double[d], 1, d, d).length);
        assertOrthonormal(OrthonormalBasis.of(new double[d], 1, d, d), d);
    }
}
