package io.statewise.algorithms.pca;

import io.statewise.algorithms.Evaluator;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates a PCA model over batches:
 * <ul>
 *   <li>{@code reconstruction_mse}: the mean over records of {@code ||y - V^T V y||^2 / d} with
 *       {@code y = x - mean}, the squared error of reconstructing a record from its projection, per feature (NaN
 *       before any record);</li>
 *   <li>{@code explained_variance_ratio_total}: the sum of the model's explained variance ratios, the fraction of
 *       the training data's variance the components capture (a constant of the model).</li>
 * </ul>
 *
 * <p>Dense records: the residual is formed explicitly (exact for the float components). Sparse records are not
 * densified: {@code ||y||^2 = ||x||^2 - 2 x.mu + ||mu||^2} and {@code V y = V x - V mu} need only the non-zeros, and
 * the residual is {@code ||y||^2 - ||V y||^2} (Pythagoras, the components being orthonormal), clipped at 0.
 * No allocation per batch. Mutable, single-threaded.
 */
public final class PcaEvaluator implements Evaluator {

    /** Name of the reconstruction error metric. */
    public static final String RECONSTRUCTION_MSE = "reconstruction_mse";
    /** Name of the explained variance metric. */
    public static final String EXPLAINED_VARIANCE_RATIO_TOTAL = "explained_variance_ratio_total";

    private final int k;
    private final int d;
    private final double[] v;
    private final double[] mean;
    private final double[] vMean;
    private final double meanSquaredNorm;
    private final double ratioTotal;
    private final double[] y;
    private final double[] coords;
    private double squaredError;
    private long records;

    /**
     * An evaluator of {@code model}.
     *
     * @param model the model. Not modified.
     */
    public PcaEvaluator(PcaModel model) {
        this.k = model.numComponents();
        this.d = model.featureDimension();
        this.v = model.rowMajorComponents();
        float[] mu = model.mean();
        this.mean = new double[d];
        double mm = 0;
        for (int j = 0; j < d; j++) {
            mean[j] = mu[j];
            mm += mean[j] * mean[j];
        }
        this.meanSquaredNorm = mm;
        this.vMean = new double[k];
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += v[i * d + j] * mean[j];
            vMean[i] = s;
        }
        this.ratioTotal = model.explainedVarianceRatioTotal();
        this.y = new double[d];
        this.coords = new double[k];
    }

    /**
     * Scores every record of {@code batch}.
     *
     * @param batch dense or sparse records of the model's dimension. Not modified, not retained.
     * @throws IllegalArgumentException if the batch's dimension differs from the model's
     */
    @Override
    public void add(Batch batch) {
        Batch.requireNumeric(batch, PcaProvider.NAME);
        if (batch.dimension() != d) {
            throw new IllegalArgumentException("batch has " + batch.dimension() + " features, the model " + d);
        }
        if (batch instanceof DenseBatch dense) {
            addDense(dense);
        } else {
            addSparse((SparseBatch) batch);
        }
        records += batch.size();
    }

    private void addDense(DenseBatch batch) {
        float[] x = batch.features();
        double total = 0;
        for (int r = 0; r < batch.size(); r++) {
            int o = r * d;
            for (int j = 0; j < d; j++) y[j] = x[o + j] - mean[j];
            for (int i = 0; i < k; i++) {
                double s = 0;
                int vi = i * d;
                for (int j = 0; j < d; j++) s += v[vi + j] * y[j];
                coords[i] = s;
            }
            for (int i = 0; i < k; i++) {
                double c = coords[i];
                int vi = i * d;
                for (int j = 0; j < d; j++) y[j] -= c * v[vi + j];
            }
            double e = 0;
            for (int j = 0; j < d; j++) e += y[j] * y[j];
            total += e;
        }
        squaredError += total;
    }

    private void addSparse(SparseBatch batch) {
        int[] start = batch.rowStart();
        int[] idx = batch.indices();
        float[] val = batch.values();
        double total = 0;
        for (int r = 0; r < batch.size(); r++) {
            int from = start[r];
            int to = start[r + 1];
            double xx = 0;
            double xm = 0;
            for (int p = from; p < to; p++) {
                double x = val[p];
                xx += x * x;
                xm += x * mean[idx[p]];
            }
            double yy = xx - 2 * xm + meanSquaredNorm;
            double projected = 0;
            for (int i = 0; i < k; i++) {
                int vi = i * d;
                double s = -vMean[i];
                for (int p = from; p < to; p++) s += v[vi + idx[p]] * val[p];
                projected += s * s;
            }
            total += Math.max(yy - projected, 0);
        }
        squaredError += total;
    }

    @Override
    public Metrics result() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(RECONSTRUCTION_MSE, records == 0 ? Double.NaN : squaredError / ((double) records * d));
        values.put(EXPLAINED_VARIANCE_RATIO_TOTAL, ratioTotal);
        return new Metrics(values);
    }

    /** Records scored so far. */
    public long records() {
        return records;
    }
}
