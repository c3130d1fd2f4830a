package io.statewise.algorithms.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

/**
 * Finite-difference checks of hand-derived gradients, for every layer and whole losses. A check perturbs values of a
 * {@code float[]} point (parameters or inputs) in place, one coordinate at a time and along random directions, and
 * compares the central differences {@code (f(x + h) - f(x - h)) / 2h} with the analytic gradient. Computations run
 * in float, so each step is the float actually stored and the tolerance is relative with a floor proportional to
 * the largest analytic component.
 */
public final class GradientCheck {

    /** A scalar function of the current values of a point (it reads the array the check perturbs). */
    @FunctionalInterface
    public interface Objective {
        double value();
    }

    private final double step;
    private final double tolerance;
    private final int coordinates;
    private final int directions;

    private GradientCheck(double step, double tolerance, int coordinates, int directions) {
        this.step = step;
        this.tolerance = tolerance;
        this.coordinates = coordinates;
        this.directions = directions;
    }

    /** Step {@code 1e-3}, tolerance 2% (relative, with a floor of 0.2% of the largest component), 40 coordinates. */
    public static GradientCheck standard() {
        return new GradientCheck(1e-3, 2e-2, 40, 4);
    }

    /** This check with another step and tolerance. */
    public GradientCheck with(double step, double tolerance) {
        return new GradientCheck(step, tolerance, coordinates, directions);
    }

    /**
     * Checks {@code analytic[from..to)} against central differences of {@code f} in {@code point[from..to)}: up to
     * {@code coordinates} coordinates (all if fewer; otherwise a seeded sample that always includes the largest
     * component) and {@code directions} random directions over the whole range. Restores {@code point}.
     */
    public void check(String what, Objective f, float[] point, float[] analytic, int from, int to, long seed) {
        Random random = new Random(seed);
        double scale = 0;
        int largest = from;
        for (int i = from; i < to; i++) {
            if (Math.abs(analytic[i]) > scale) {
                scale = Math.abs(analytic[i]);
                largest = i;
            }
        }
        double floor = 0.1 * tolerance * Math.max(scale, 1e-6);
        int count = to - from;
        for (int c = 0; c < Math.min(count, coordinates); c++) {
            int i = count <= coordinates ? from + c : c == 0 ? largest : from + random.nextInt(count);
            double numeric = coordinate(f, point, i);
            double error = Math.abs(numeric - analytic[i]);
            double allowed = tolerance * 0.5 * (Math.abs(numeric) + Math.abs(analytic[i])) + floor;
            int index = i;
            assertTrue(error <= allowed, () -> what + ": d/dx[" + index + "] analytic " + analytic[index]
                    + " numeric " + numeric + " (error " + error + " > " + allowed + ")");
        }
        for (int r = 0; r < directions; r++) {
            double[] d = new double[count];
            double norm = 0;
            for (int i = 0; i < count; i++) {
                d[i] = random.nextGaussian();
                norm += d[i] * d[i];
            }
            double expected = 0;
            for (int i = 0; i < count; i++) {
                d[i] /= Math.sqrt(norm);
                expected += d[i] * analytic[from + i];
            }
            double numeric = directional(f, point, from, d);
            double error = Math.abs(numeric - expected);
            double allowed = tolerance * 0.5 * (Math.abs(numeric) + Math.abs(expected)) + floor;
            int dir = r;
            double exp = expected;
            assertTrue(error <= allowed, () -> what + ": directional derivative " + dir + " analytic " + exp
                    + " numeric " + numeric + " (error " + error + " > " + allowed + ")");
        }
    }

    /** {@code count} independent normal values of standard deviation {@code scale}: test points and directions. */
    public static float[] gaussian(Random random, int count, double scale) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) out[i] = (float) (scale * random.nextGaussian());
        return out;
    }

    private double coordinate(Objective f, float[] point, int i) {
        float saved = point[i];
        double h = step * Math.max(1, Math.abs(saved));
        point[i] = (float) (saved + h);
        float up = point[i];
        double fUp = f.value();
        point[i] = (float) (saved - h);
        float down = point[i];
        double fDown = f.value();
        point[i] = saved;
        return (fUp - fDown) / ((double) up - down);
    }

    private double directional(Objective f, float[] point, int from, double[] d) {
        float[] saved = new float[d.length];
        System.arraycopy(point, from, saved, 0, d.length);
        for (int i = 0; i < d.length; i++) point[from + i] = (float) (saved[i] + step * d[i]);
        double fUp = f.value();
        for (int i = 0; i < d.length; i++) point[from + i] = (float) (saved[i] - step * d[i]);
        double fDown = f.value();
        System.arraycopy(saved, 0, point, from, d.length);
        return (fUp - fDown) / (2 * step);
    }
}
