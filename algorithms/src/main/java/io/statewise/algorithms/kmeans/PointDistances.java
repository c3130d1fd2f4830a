package io.statewise.algorithms.kmeans;

/**
 * The squared distances from a point to all points of a set, computed through {@link PointColumns} once per point
 * and kept within a budget. Weighted k-means++ draws the same heavy points again and again (a merge seeds {@code K} of
 * {@code 2K} points with several candidates per step), and best-of-trials clustering seeds the same points once per
 * trial: a kept row spares recomputing its {@code n x d} distances. Mutable; confined to one thread.
 */
final class PointDistances {

    /** Most doubles of rows kept by default (32 MB). */
    static final long MAX_KEPT_DISTANCES = 1L << 22;

    private final PointColumns columns;
    private final double[] points;
    private final int n;
    private final int d;
    private final double[][] kept;
    private long budget;

    /**
     * @param points row-major {@code n x d}. Not modified; must not change while this is used.
     * @param budget the most doubles of rows to keep; the distances do not depend on it
     */
    PointDistances(double[] points, int n, int d, long budget) {
        this.columns = new PointColumns(points, n, d);
        this.points = points;
        this.n = n;
        this.d = d;
        this.kept = new double[n][];
        this.budget = budget;
    }

    PointDistances(double[] points, int n, int d) {
        this(points, n, d, MAX_KEPT_DISTANCES);
    }

    /** The points, column by column. */
    PointColumns columns() {
        return columns;
    }

    /** Number of points. */
    int size() {
        return n;
    }

    /** The points, row-major {@code n x d}. */
    double[] points() {
        return points;
    }

    /** Their dimension. */
    int dimension() {
        return d;
    }

    /**
     * Point {@code i}'s squared distances to every point: a kept row (do not modify it), or {@code scratch} filled
     * with them once the budget is spent.
     */
    double[] of(int i, double[] scratch) {
        double[] row = kept[i];
        if (row != null) return row;
        if (budget >= n) {
            budget -= n;
            row = new double[n];
            kept[i] = row;
        } else {
            row = scratch;
        }
        columns.squaredDistances(points, i * d, row);
        return row;
    }
}
