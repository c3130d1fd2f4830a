package io.statewise.algorithms.tuning;

/**
 * The elbow (knee) of a decreasing cost curve: the point farthest from the chord between its first and last points,
 * both axes scaled to [0, 1] (the "kneedle" rule: Satopaa et al., "Finding a 'Kneedle' in a Haystack", ICDCSW 2011,
 * in its distance-to-chord form). For k-means it picks the k after which more clusters stop paying.
 */
public final class Elbow {

    private Elbow() {}

    /**
     * The index of the elbow of {@code (x[i], y[i])}.
     *
     * @param x increasing positions. Not modified.
     * @param y costs, NaN for points to skip. Not modified.
     * @return the elbow's index; the lowest finite cost's index when fewer than three points are finite
     */
    public static int of(double[] x, double[] y) {
        int first = -1;
        int last = -1;
        int finite = 0;
        int lowest = -1;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(y[i])) continue;
            if (first < 0) first = i;
            last = i;
            finite++;
            if (lowest < 0 || y[i] < y[lowest]) lowest = i;
        }
        if (finite < 3) return Math.max(lowest, 0);
        double xSpan = x[last] - x[first];
        double yMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        for (int i = first; i <= last; i++) {
            if (Double.isNaN(y[i])) continue;
            yMax = Math.max(yMax, y[i]);
            yMin = Math.min(yMin, y[i]);
        }
        double ySpan = yMax - yMin;
        if (xSpan <= 0 || ySpan <= 0) return first;
        // Chord from (0, y0) to (1, y1) in scaled coordinates; distance up to a constant factor.
        double y0 = (y[first] - yMin) / ySpan;
        double y1 = (y[last] - yMin) / ySpan;
        int best = first;
        double bestDistance = Double.NEGATIVE_INFINITY;
        for (int i = first; i <= last; i++) {
            if (Double.isNaN(y[i])) continue;
            double u = (x[i] - x[first]) / xSpan;
            double v = (y[i] - yMin) / ySpan;
            double distance = (y0 + (y1 - y0) * u) - v;  // how far below the chord
            if (distance > bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }
}
