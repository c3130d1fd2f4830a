package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.Model;
import io.statewise.algorithms.linalg.DistanceOps;
import java.util.Arrays;

/**
 * A k-means model: {@code k} centers. Immutable: the constructor and {@link #centers()} copy the arrays.
 *
 * @param centers {@code k} rows of {@code d} finite values, at least one row
 */
public record KMeansModel(float[][] centers) implements Model {

    /**
     * Validates and copies the centers.
     *
     * @throws IllegalArgumentException if there is no center, rows differ in length, are empty or not finite
     */
    public KMeansModel {
        if (centers == null || centers.length == 0) throw new IllegalArgumentException("a model needs a center");
        int d = centers[0].length;
        if (d == 0) throw new IllegalArgumentException("centers need at least one feature");
        float[][] copy = new float[centers.length][];
        for (int j = 0; j < centers.length; j++) {
            if (centers[j].length != d) {
                throw new IllegalArgumentException("center " + j + " has " + centers[j].length + " features, not "
                        + d);
            }
            for (float v : centers[j]) {
                if (!Float.isFinite(v)) throw new IllegalArgumentException("center " + j + " is not finite");
            }
            copy[j] = centers[j].clone();
        }
        centers = copy;
    }

    /** The model of row-major double centers ({@code k x d}), rounded to float. */
    static KMeansModel ofRowMajor(double[] rowMajor, int k, int d) {
        float[][] c = new float[k][d];
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < d; t++) c[j][t] = (float) rowMajor[j * d + t];
        }
        return new KMeansModel(c);
    }

    /** A copy of the centers, {@code k x d}. */
    @Override
    public float[][] centers() {
        float[][] copy = new float[centers.length][];
        for (int j = 0; j < centers.length; j++) copy[j] = centers[j].clone();
        return copy;
    }

    /** The centers row-major in double ({@code k x d}), a new array. */
    double[] rowMajor() {
        int d = featureDimension();
        double[] out = new double[centers.length * d];
        for (int j = 0; j < centers.length; j++) {
            for (int t = 0; t < d; t++) out[j * d + t] = centers[j][t];
        }
        return out;
    }

    /** Number of clusters. */
    public int k() {
        return centers.length;
    }

    @Override
    public String algorithm() {
        return KMeansProvider.NAME;
    }

    @Override
    public int featureDimension() {
        return centers[0].length;
    }

    /**
     * The closest center to {@code features} and the Euclidean distance to it; ties go to the lowest index.
     *
     * @param features {@link #featureDimension()} values. Not modified.
     * @throws IllegalArgumentException if the length is not {@link #featureDimension()}
     */
    @Override
    public ClusterAssignment predict(float[] features) {
        int d = featureDimension();
        if (features.length != d) {
            throw new IllegalArgumentException("expected " + d + " features, got " + features.length);
        }
        int best = 0;
        double bestDist = DistanceOps.squaredDistance(features, 0, centers[0], 0, d);
        for (int j = 1; j < centers.length; j++) {
            double dist = DistanceOps.squaredDistance(features, 0, centers[j], 0, d);
            if (dist < bestDist) {
                bestDist = dist;
                best = j;
            }
        }
        return new ClusterAssignment(best, Math.sqrt(bestDist));
    }

    /** Equal centers, value by value (records compare arrays by identity otherwise). */
    @Override
    public boolean equals(Object o) {
        return o instanceof KMeansModel m && Arrays.deepEquals(centers, m.centers);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(centers);
    }

    @Override
    public String toString() {
        return "KMeansModel[k=" + centers.length + ", d=" + featureDimension() + "]";
    }
}
