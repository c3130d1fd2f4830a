package io.statewise.algorithms.data.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Records labeled by a known linear model over standard normal features: a data set whose best linear predictor is
 * known, for tests and benchmarks of linear learners. The true weights are drawn once, normal with standard deviation
 * {@code signal / sqrt(d)}, so the linear score of a record has standard deviation about {@code signal} whatever the
 * dimension. Labels:
 * <ul>
 *   <li>{@link Kind#REGRESSION}: the score plus standard normal noise;</li>
 *   <li>{@link Kind#BINARY}: 1 with probability {@code sigmoid(score)}, else 0 (logistic data);</li>
 *   <li>{@link Kind#MULTICLASS}: class {@code c} with probability {@code softmax(scores)_c}, one weight vector per
 *       class (multinomial logistic data).</li>
 * </ul>
 * Deterministic like {@link GaussianBlobs}: one {@link Random} seeded with the given seed draws the weights, then
 * every record. Not thread-safe.
 */
public final class LinearRows {

    /** How labels are drawn from the linear scores. */
    public enum Kind { REGRESSION, BINARY, MULTICLASS }

    private final Kind kind;
    private final int dimension;
    private final int classes;
    private final float[][] weights;
    private final Random random;
    private final double[] scores;

    /**
     * A data set of the given kind.
     *
     * @param classes classes of {@link Kind#MULTICLASS} data, at least 3; ignored (taken as 1 score) otherwise
     * @param signal  standard deviation of the linear score, finite and > 0 (larger: easier to predict)
     */
    public LinearRows(Kind kind, int dimension, int classes, double signal, long seed) {
        if (dimension < 1) throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        if (kind == Kind.MULTICLASS && classes < 3) {
            throw new IllegalArgumentException("multiclass data needs >= 3 classes, got " + classes);
        }
        if (!(signal > 0) || Double.isInfinite(signal)) {
            throw new IllegalArgumentException("signal must be finite and > 0, got " + signal);
        }
        this.kind = kind;
        this.dimension = dimension;
        this.classes = kind == Kind.MULTICLASS ? classes : 1;
        this.random = new Random(seed);
        this.weights = new float[this.classes][dimension];
        double scale = signal / Math.sqrt(dimension);
        for (float[] w : weights) {
            for (int j = 0; j < dimension; j++) w[j] = (float) (scale * random.nextGaussian());
        }
        this.scores = new double[this.classes];
    }

    /** A copy of the true weights, one row per score (one row unless multiclass). */
    public float[][] weights() {
        float[][] copy = new float[weights.length][];
        for (int i = 0; i < weights.length; i++) copy[i] = weights[i].clone();
        return copy;
    }

    /** Draws the next record's features into {@code x} and returns its label. */
    public float next(float[] x) {
        if (x.length != dimension) throw new IllegalArgumentException("x has " + x.length + " values, not "
                + dimension);
        for (int j = 0; j < dimension; j++) x[j] = (float) random.nextGaussian();
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double z = 0;
            float[] w = weights[c];
            for (int j = 0; j < dimension; j++) z += (double) w[j] * x[j];
            scores[c] = z;
            max = Math.max(max, z);
        }
        return switch (kind) {
            case REGRESSION -> (float) (scores[0] + random.nextGaussian());
            case BINARY -> random.nextDouble() < 1 / (1 + Math.exp(-scores[0])) ? 1 : 0;
            case MULTICLASS -> drawClass(max);
        };
    }

    private int drawClass(double max) {
        double total = 0;
        for (int c = 0; c < classes; c++) total += Math.exp(scores[c] - max);
        double u = random.nextDouble() * total;
        for (int c = 0; c < classes - 1; c++) {
            u -= Math.exp(scores[c] - max);
            if (u < 0) return c;
        }
        return classes - 1;
    }

    /**
     * Writes the next {@code rows} records as CSV, label first (an integer for classifiers), values with 4 decimals;
     * gzip-compressed if the file name ends in {@code .gz}. Allocates nothing per record.
     */
    public void writeCsv(Path file, long rows) throws IOException {
        if (rows < 0) throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        float[] x = new float[dimension];
        try (CsvRows out = CsvRows.create(file, dimension)) {
            for (long r = 0; r < rows; r++) {
                float label = next(x);
                if (kind == Kind.REGRESSION) out.write(label, x);
                else out.write(OptionalInt.of((int) label), x);
            }
        }
    }

    /**
     * Writes a data set for benchmarks: {@code LinearRows <file> <rows> <dim> <regression|binary|multiclass>
     * <classes> <signal> <seed> [<test-file> <test-rows>]}; the optional test file holds further records of the same
     * model (same weights, the next draws).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 7 && args.length != 9) {
            System.err.println("usage: LinearRows <file> <rows> <dim> <regression|binary|multiclass> <classes>"
                    + " <signal> <seed> [<test-file> <test-rows>]");
            System.exit(2);
        }
        Kind kind = Kind.valueOf(args[3].toUpperCase(Locale.ROOT));
        LinearRows rows = new LinearRows(kind, Integer.parseInt(args[2]), Integer.parseInt(args[4]),
                Double.parseDouble(args[5]), Long.parseLong(args[6]));
        rows.writeCsv(Path.of(args[0]), Long.parseLong(args[1]));
        if (args.length == 9) rows.writeCsv(Path.of(args[7]), Long.parseLong(args[8]));
    }
}
