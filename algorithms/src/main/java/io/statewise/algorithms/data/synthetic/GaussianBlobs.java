package io.statewise.algorithms.data.synthetic;

import io.statewise.algorithms.data.DenseBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Random;

/**
 * {@code k} Gaussian clusters in {@code d} dimensions: a data set whose right clustering is known, for tests and
 * benchmarks of clustering algorithms. Centers are drawn uniformly in {@code [-10, 10]^d}; each record picks a cluster
 * uniformly and adds independent normal noise of the given standard deviation to every coordinate.
 *
 * <p>Deterministic: an instance draws its centers and then every record from one {@link Random} seeded with the given
 * seed, so a new instance with the same arguments replays the same centers and the same sequence of records
 * ({@link Random}'s algorithm is specified, so this holds across JVMs). Not thread-safe.
 */
public final class GaussianBlobs {

    private static final double CENTER_RANGE = 10.0;

    private final int k;
    private final int dimension;
    private final double stddev;
    private final float[][] centers;
    private final Random random;

    /** Clusters of unit standard deviation. */
    public GaussianBlobs(int k, int dimension, long seed) {
        this(k, dimension, 1.0, seed);
    }

    /**
     * Clusters of the given spread.
     *
     * @param k         number of clusters, at least 1
     * @param dimension coordinates per record, at least 1
     * @param stddev    standard deviation of each coordinate around its center, finite and >= 0
     * @param seed      the seed of every draw
     */
    public GaussianBlobs(int k, int dimension, double stddev, long seed) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        if (dimension < 1) throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        if (!(stddev >= 0) || Double.isInfinite(stddev)) {
            throw new IllegalArgumentException("stddev must be finite and >= 0, got " + stddev);
        }
        this.k = k;
        this.dimension = dimension;
        this.stddev = stddev;
        this.random = new Random(seed);
        this.centers = new float[k][dimension];
        for (float[] center : centers) {
            for (int j = 0; j < dimension; j++) {
                center[j] = (float) (-CENTER_RANGE + 2 * CENTER_RANGE * random.nextDouble());
            }
        }
    }

    /** Number of clusters. */
    public int k() {
        return k;
    }

    /** Coordinates per record. */
    public int dimension() {
        return dimension;
    }

    /** Standard deviation of each coordinate around its center. */
    public double stddev() {
        return stddev;
    }

    /** A copy of the cluster centers, {@code k x dimension}: the ground truth to compare a clustering with. */
    public float[][] centers() {
        float[][] copy = new float[k][];
        for (int i = 0; i < k; i++) copy[i] = centers[i].clone();
        return copy;
    }

    /** The next {@code n} records, one row each. */
    public float[][] sample(int n) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0, got " + n);
        float[][] rows = new float[n][dimension];
        for (float[] row : rows) next(row, 0);
        return rows;
    }

    /**
     * Clears {@code batch} and fills it to capacity with the next records, the cluster id of each as its label.
     *
     * @param batch its dimension must equal {@link #dimension()}. Modified.
     */
    public void fill(DenseBatch batch) {
        if (batch.dimension() != dimension) {
            throw new IllegalArgumentException("batch dimension " + batch.dimension() + " != " + dimension);
        }
        batch.clear();
        float[] features = batch.features();
        float[] labels = batch.labels();
        while (!batch.isFull()) {
            int i = batch.size();
            labels[i] = next(features, batch.offset(i));
            batch.commitRecord();
        }
    }

    /** Writes the next record into {@code out} from {@code offset} and returns its cluster id. */
    private int next(float[] out, int offset) {
        int cluster = random.nextInt(k);
        float[] center = centers[cluster];
        for (int j = 0; j < dimension; j++) {
            out[offset + j] = (float) (center[j] + stddev * random.nextGaussian());
        }
        return cluster;
    }

    /**
     * Writes the next {@code rows} records as CSV, without header, values with 4 decimals; gzip-compressed if the
     * file name ends in {@code .gz}. Allocates nothing per record, so millions of rows take seconds.
     *
     * @param file            the file to create or replace
     * @param rows            records to write
     * @param withLabelColumn whether each line starts with the record's cluster id
     */
    public void writeCsv(Path file, long rows, boolean withLabelColumn) throws IOException {
        if (rows < 0) throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        float[] row = new float[dimension];
        try (CsvRows out = CsvRows.create(file, dimension)) {
            for (long r = 0; r < rows; r++) {
                int cluster = next(row, 0);
                out.write(withLabelColumn ? OptionalInt.of(cluster) : OptionalInt.empty(), row);
            }
        }
    }

    /**
     * Writes a data set for benchmarks: {@code GaussianBlobs <file> <rows> <dim> <k> <seed> [labeled]}, where the
     * optional {@code labeled} ({@code true}/{@code false}, default false) puts the cluster id first on each line.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 5 || args.length > 6) {
            System.err.println("usage: GaussianBlobs <file> <rows> <dim> <k> <seed> [labeled]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        int dimension = Integer.parseInt(args[2]);
        int k = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        boolean labeled = args.length == 6 && Boolean.parseBoolean(args[5]);
        new GaussianBlobs(k, dimension, seed).writeCsv(file, rows, labeled);
    }
}
