package io.statewise.algorithms.linear;

import io.statewise.algorithms.Evaluator;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates a {@link LinearModel} over batches, with SageMaker linear learner's metrics:
 * <ul>
 *   <li>regressor: {@code mse}, {@code rmse}, {@code mae}, {@code r2} ({@code 1 - SSE / SST}, NaN for constant
 *       labels; label spread by Welford's update);</li>
 *   <li>binary classifier, at the model's threshold: {@code accuracy}, {@code precision}, {@code recall}, {@code f1}
 *       (0 when undefined), {@code log_loss} (computed from the linear output, so exact even for confident wrong
 *       predictions) and {@code auc};</li>
 *   <li>multiclass classifier: {@code accuracy}, {@code top_k_accuracy} ({@code accuracy_top_k}), {@code
 *       macro_precision}, {@code macro_recall}, {@code macro_f1} (averaged over the classes that occur as label or
 *       prediction, as scikit-learn does) and {@code cross_entropy}.</li>
 * </ul>
 * {@code auc} comes from histograms of the linear output (the logit) of positives and negatives, {@value #AUC_BINS}
 * bins over [-16, 16] (outputs beyond fall into the end bins): memory stays fixed for any number of records, and the
 * value is exact except for pairs of opposite classes within one bin (width 0.008 in logit), counted as ties.
 *
 * <p>No allocation per batch or record. Mutable, single-threaded.
 */
public final class LinearEvaluator implements Evaluator {

    static final int AUC_BINS = 4096;
    private static final double AUC_RANGE = 16;

    private final LinearModel model;
    private final int topK;
    private final int outputs;
    private final int d;
    private final float[][] weights;
    private final float[] bias;
    private final double[] z;
    private long records;
    // regression
    private double sumAbs;
    private double sumSquared;
    private double labelMean;
    private double labelM2;
    // binary
    private long tp;
    private long fp;
    private long tn;
    private long fn;
    private double logLoss;
    private final long[] positiveBins;
    private final long[] negativeBins;
    // multiclass
    private final long[] classTrue;
    private final long[] classPredicted;
    private final long[] classCorrect;
    private long topKHits;
    private double crossEntropy;

    /**
     * An evaluator of {@code model}.
     *
     * @param model the model. Not modified.
     * @param topK  k of {@code top_k_accuracy}, at least 1
     */
    public LinearEvaluator(LinearModel model, int topK) {
        if (topK < 1) throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        this.model = model;
        this.topK = topK;
        this.outputs = model.outputs();
        this.d = model.featureDimension();
        this.weights = model.weights();
        this.bias = model.bias();
        this.z = new double[outputs];
        boolean binary = model.predictorType() == PredictorType.BINARY_CLASSIFIER;
        this.positiveBins = new long[binary ? AUC_BINS : 0];
        this.negativeBins = new long[binary ? AUC_BINS : 0];
        boolean multi = model.predictorType() == PredictorType.MULTICLASS_CLASSIFIER;
        this.classTrue = new long[multi ? outputs : 0];
        this.classPredicted = new long[multi ? outputs : 0];
        this.classCorrect = new long[multi ? outputs : 0];
    }

    /**
     * Scores every record of {@code batch}.
     *
     * @param batch labeled records of the model's dimension. Not modified, not retained.
     * @throws IllegalArgumentException on another dimension or a label the predictor type does not accept
     */
    @Override
    public void add(Batch batch) {
        Batch.requireNumeric(batch, LinearLearnerProvider.NAME);
        if (batch.dimension() != d) {
            throw new IllegalArgumentException("batch has " + batch.dimension() + " features, the model " + d);
        }
        int n = batch.size();
        RecordCheck.labels(model.predictorType(), outputs, batch.labels(), n);
        float[] labels = batch.labels();
        for (int i = 0; i < n; i++) {
            outputs(batch, i);
            switch (model.predictorType()) {
                case REGRESSOR -> addRegression(z[0], labels[i]);
                case BINARY_CLASSIFIER -> addBinary(z[0], labels[i] == 1);
                case MULTICLASS_CLASSIFIER -> addMulticlass((int) labels[i]);
            }
        }
    }

    private void outputs(Batch batch, int i) {
        for (int c = 0; c < outputs; c++) {
            float[] w = weights[c];
            double s = bias[c];
            if (batch instanceof DenseBatch dense) {
                float[] x = dense.features();
                int o = i * d;
                for (int j = 0; j < d; j++) s += (double) w[j] * x[o + j];
            } else {
                SparseBatch sparse = (SparseBatch) batch;
                int[] indices = sparse.indices();
                float[] values = sparse.values();
                for (int p = sparse.rowStart()[i]; p < sparse.rowStart()[i + 1]; p++) {
                    s += (double) w[indices[p]] * values[p];
                }
            }
            z[c] = s;
        }
    }

    private void addRegression(double prediction, double label) {
        double e = prediction - label;
        sumAbs += Math.abs(e);
        sumSquared += e * e;
        records++;
        double delta = label - labelMean;
        labelMean += delta / records;
        labelM2 += delta * (label - labelMean);
    }

    private void addBinary(double logit, boolean positive) {
        boolean predicted = Loss.sigmoid(logit) >= model.threshold();
        if (positive) {
            if (predicted) tp++;
            else fn++;
        } else if (predicted) {
            fp++;
        } else {
            tn++;
        }
        logLoss += positive ? Loss.softplus(-logit) : Loss.softplus(logit);
        int bin = (int) Math.floor((logit + AUC_RANGE) / (2 * AUC_RANGE) * AUC_BINS);
        bin = bin < 0 ? 0 : Math.min(bin, AUC_BINS - 1);
        if (positive) positiveBins[bin]++;
        else negativeBins[bin]++;
        records++;
    }

    private void addMulticlass(int label) {
        int best = 0;
        double max = z[0];
        for (int c = 1; c < outputs; c++) {
            if (z[c] > max) {
                max = z[c];
                best = c;
            }
        }
        classTrue[label]++;
        classPredicted[best]++;
        if (best == label) classCorrect[label]++;
        int rank = 0;
        for (int c = 0; c < outputs; c++) {
            if (z[c] > z[label] || z[c] == z[label] && c < label) rank++;
        }
        if (rank < topK) topKHits++;
        double sum = 0;
        for (int c = 0; c < outputs; c++) sum += Math.exp(z[c] - max);
        crossEntropy += Math.log(sum) + max - z[label];
        records++;
    }

    @Override
    public Metrics result() {
        Map<String, Double> out = new LinkedHashMap<>();
        double n = records;
        switch (model.predictorType()) {
            case REGRESSOR -> {
                double mse = sumSquared / n;
                out.put("mse", mse);
                out.put("rmse", Math.sqrt(mse));
                out.put("mae", sumAbs / n);
                out.put("r2", labelM2 > 0 ? 1 - sumSquared / labelM2 : Double.NaN);
            }
            case BINARY_CLASSIFIER -> {
                double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
                double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
                out.put("accuracy", (tp + tn) / n);
                out.put("precision", precision);
                out.put("recall", recall);
                out.put("f1", precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
                out.put("log_loss", logLoss / n);
                out.put("auc", auc());
            }
            case MULTICLASS_CLASSIFIER -> {
                long correct = 0;
                double precision = 0;
                double recall = 0;
                double f1 = 0;
                int present = 0;
                for (int c = 0; c < outputs; c++) {
                    correct += classCorrect[c];
                    if (classTrue[c] + classPredicted[c] == 0) continue;
                    present++;
                    precision += classPredicted[c] == 0 ? 0 : classCorrect[c] / (double) classPredicted[c];
                    recall += classTrue[c] == 0 ? 0 : classCorrect[c] / (double) classTrue[c];
                    f1 += 2.0 * classCorrect[c] / (classTrue[c] + classPredicted[c]);
                }
                out.put("accuracy", correct / n);
                out.put("top_k_accuracy", topKHits / n);
                out.put("macro_precision", precision / present);
                out.put("macro_recall", recall / present);
                out.put("macro_f1", f1 / present);
                out.put("cross_entropy", crossEntropy / n);
            }
        }
        return new Metrics(out);
    }

    /** The probability that a positive outscores a negative, ties (same bin) counting half; NaN without both. */
    private double auc() {
        double positives = 0;
        double negatives = 0;
        double pairs = 0;
        for (int b = 0; b < AUC_BINS; b++) {
            pairs += positiveBins[b] * (negatives + 0.5 * negativeBins[b]);
            negatives += negativeBins[b];
            positives += positiveBins[b];
        }
        return positives == 0 || negatives == 0 ? Double.NaN : pairs / (positives * negatives);
    }

    /** Records scored so far. */
    public long records() {
        return records;
    }
}
