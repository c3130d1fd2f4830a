package io.statewise.algorithms.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The elbow of known curves. */
class ElbowTest {

    @Test
    void theKneeOfAPiecewiseLinearCurve() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {100, 60, 20, 18, 16, 14, 12, 10};
        assertEquals(2, Elbow.of(x, y));
    }

    @Test
    void unevenlySpacedPositionsAreScaledNotCounted() {
        double[] x = {1, 2, 10, 20};
        double[] y = {50, 10, 8, 7};
        assertEquals(1, Elbow.of(x, y));
    }

    @Test
    void nanPointsAreSkippedAndShortCurvesTakeTheLowestCost() {
        assertEquals(2, Elbow.of(new double[] {1, 2, 3, 4, 5}, new double[] {Double.NaN, 100, 10, 9, 8}));
        assertEquals(1, Elbow.of(new double[] {1, 2}, new double[] {5, 3}));
        assertEquals(0, Elbow.of(new double[] {1}, new double[] {Double.NaN}));
    }
}
