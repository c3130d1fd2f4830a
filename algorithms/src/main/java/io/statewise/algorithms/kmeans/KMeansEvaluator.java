package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.Evaluator;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.linalg.DistanceOps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a k-means model over batches: {@code msd} (mean squared Euclidean distance of a record to its closest
 * center, SageMaker's k-means test metric) and {@code ssd} (their sum, the k-means objective). Reports only the
 * metrics asked for in {@code eval_metrics}; {@code msd} of no record is NaN.
 *
 * <p>The closest center is found with {@link NearestCenterSearch}; the distance to it is then computed exactly in
 * double. Sparse batches use {@link SparseCenterSearch} (built on the first sparse batch) and its distance, which
 * agrees with the dense one to double rounding. No allocation per batch. Mutable, single-threaded.
 */
public final class KMeansEvaluator implements Evaluator {

    private final List<KMeansConfig.EvalMetric> metrics;
    private final double[] centers;
    private final int d;
    private final NearestCenterSearch search;
    private SparseCenterSearch sparseSearch;
    private final int[] assignment = new int[NearestCenterSearch.BLOCK];
    private double ssd;
    private long records;

    /**
     * An evaluator of {@code model}.
     *
     * @param model   the model. Not modified.
     * @param metrics the metrics to report. Not modified.
     */
    public KMeansEvaluator(KMeansModel model, List<KMeansConfig.EvalMetric> metrics) {
        this.metrics = List.copyOf(metrics);
        this.d = model.featureDimension();
        this.centers = model.rowMajor();
        this.search = new NearestCenterSearch(model.k(), d);
        search.load(centers, model.k());
    }

    /**
     * Scores every record of {@code batch}.
     *
     * @param batch records of the model's dimension. Not modified, not retained.
     * @throws IllegalArgumentException if the batch's dimension differs from the model's
     */
    @Override
    public void add(Batch input) {
        Batch.requireNumeric(input, KMeansProvider.NAME);
        if (input.dimension() != d) {
            throw new IllegalArgumentException("batch has " + input.dimension() + " features, the model " + d);
        }
        if (input instanceof DenseBatch batch) addDense(batch);
        else addSparse((SparseBatch) input);
    }

    private void addSparse(SparseBatch batch) {
        if (sparseSearch == null) {
            sparseSearch = new SparseCenterSearch(search.size(), d);
            sparseSearch.load(centers, search.size());
        }
        int[] rowStart = batch.rowStart();
        int[] indices = batch.indices();
        float[] values = batch.values();
        int n = batch.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int from = rowStart[i];
            int to = rowStart[i + 1];
            int j = sparseSearch.nearest(indices, values, from, to);
            sum += sparseSearch.squaredDistance(j, indices, values, from, to);
        }
        ssd += sum;
        records += n;
    }

    private void addDense(DenseBatch batch) {
        float[] x = batch.features();
        int n = batch.size();
        double sum = 0;
        for (int i = 0; i < n; i += NearestCenterSearch.BLOCK) {
            int m = Math.min(NearestCenterSearch.BLOCK, n - i);
            search.assign(x, i, m, assignment, 0);
            for (int r = 0; r < m; r++) {
                sum += DistanceOps.squaredDistance(x, (i + r) * d, centers, assignment[r] * d, d);
            }
        }
        ssd += sum;
        records += n;
    }

    @Override
    public Metrics result() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (KMeansConfig.EvalMetric m : metrics) {
            values.put(m.metricName(), switch (m) {
                case MSD -> records == 0 ? Double.NaN : ssd / records;
                case SSD -> ssd;
            });
        }
        return new Metrics(values);
    }

    /** Records scored so far. */
    public long records() {
        return records;
    }
}
