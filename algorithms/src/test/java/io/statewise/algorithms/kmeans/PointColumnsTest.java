package io.statewise.algorithms.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statewise.algorithms.linalg.DistanceOps;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PointColumnsTest {

    @Test
    void distancesToAQueryMatchTheRowByRowOnes() {
        Random random = new Random(5);
        int n = 37;
        int d = 13;
        double[] points = new double[n * d];
        for (int i = 0; i < points.length; i++) points[i] = 1000 + random.nextGaussian();
        double[] query = new double[2 * d];
        for (int t = 0; t < query.length; t++) query[t] = 1000 + random.nextGaussian();
        double[] out = new double[n + 3];
        new PointColumns(points, n, d).squaredDistances(query, d, out);
        for (int i = 0; i < n; i++) {
            double expected = DistanceOps.squaredDistance(points, i * d, query, d, d);
            assertEquals(expected, out[i], 1e-12 * expected, "row " + i);
        }
    }

    @Test
    void aReplacedRowIsMeasuredFromItsNewValues() {
        double[] points = {0, 0, 1, 1, 2, 2};
        PointColumns columns = new PointColumns(points, 3, 2);
        columns.setRow(1, new double[] {9, 5, 7}, 1);
        double[] out = new double[3];
        columns.squaredDistances(new double[] {0, 0}, 0, out);
        assertEquals(0, out[0]);
        assertEquals(25 + 49, out[1]);
        assertEquals(8, out[2]);
    }
}
