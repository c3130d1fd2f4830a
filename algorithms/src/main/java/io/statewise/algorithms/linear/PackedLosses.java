package io.statewise.algorithms.linear;

import java.util.Arrays;

/**
 * The per-record stage of a packed step: every record's loss under every packed model, the loss gradient with
 * respect to the scores (written over the scores), and for binary classifiers the histogram of predicted
 * probabilities. Shared by training ({@link PackedStep}) and validation scoring ({@link PackedEvaluator}), so that
 * both measure the same losses. Holds per-model buffers; mutable, single-threaded.
 */
final class PackedLosses {

    /** Records whose factors {@code 1 + e <= 2} a product takes before its log: {@code 2^256} cannot overflow. */
    private static final int PRODUCT_RECORDS = 256;

    private final double[] productPositive;
    private final double[] productNegative;

    /** The loss stage of {@code models} packed models. */
    PackedLosses(int models) {
        productPositive = new double[models];
        productNegative = new double[models];
    }

    /**
     * Replaces {@code scores} ({@code n} rows of {@code models*outputs}) by {@code weight_i / n * dLoss/dScore}, adds
     * each model's example-weighted loss sum to {@code batchLoss[m]} and, if {@code histograms} is not null, counts
     * each record's probability {@code sigmoid(score)} (binary classifiers; non-finite scores are not counted).
     *
     * @param target labels, normalized for regression, class ids for classifiers. Not modified.
     * @param weight example weights. Not modified.
     * @param skip   models whose loss and histogram are not accumulated (diverged). Not modified.
     * @return the sum of the example weights
     */
    double apply(Loss loss, int n, int models, int outputs, double[][] scores, double[] target, double[] weight,
                 boolean[] skip, double[] batchLoss, PackedScores histograms) {
        double totalWeight = 0;
        double perRecord = 1.0 / n;
        LossKind kind = loss.kind();
        if (kind == LossKind.LOGISTIC) {
            Arrays.fill(productPositive, 1);
            Arrays.fill(productNegative, 1);
        }
        double positiveWeight = 1;
        double negativeWeight = 1;
        for (int i = 0; i < n; i++) {
            double y = target[i];
            double w = weight[i];
            double gradScale = w * perRecord;
            totalWeight += w;
            double[] row = scores[i];
            if (kind == LossKind.SOFTMAX_LOSS) {
                int label = (int) y;
                for (int m = 0; m < models; m++) {
                    int from = m * outputs;
                    double l = Loss.softmax(row, from, outputs, label, row);
                    for (int c = 0; c < outputs; c++) row[from + c] *= gradScale;
                    batchLoss[m] += w * l;
                }
            } else if (kind == LossKind.LOGISTIC) {
                if (y == 1) positiveWeight = w;
                else negativeWeight = w;
                logistic(row, models, y, w, gradScale, skip, batchLoss, histograms);
                if ((i + 1) % PRODUCT_RECORDS == 0) flush(batchLoss, positiveWeight, negativeWeight);
            } else {
                boolean positive = y == 1;
                for (int m = 0; m < models; m++) {
                    double z = row[m];
                    double l = loss.evaluate(z, y, row, m);
                    if (histograms != null && !skip[m] && Double.isFinite(z)) {
                        histograms.addScore(m, Loss.sigmoid(z), positive);
                    }
                    row[m] *= gradScale;
                    batchLoss[m] += w * l;
                }
            }
        }
        if (kind == LossKind.LOGISTIC) flush(batchLoss, positiveWeight, negativeWeight);
        return totalWeight;
    }

    /** Adds the logs of the products to the losses, weighted by their class's example weight, and restarts them. */
    private void flush(double[] batchLoss, double positiveWeight, double negativeWeight) {
        for (int m = 0; m < batchLoss.length; m++) {
            batchLoss[m] += positiveWeight * Math.log(productPositive[m])
                    + negativeWeight * Math.log(productNegative[m]);
            productPositive[m] = 1;
            productNegative[m] = 1;
        }
    }

    /**
     * The logistic loss of one record under every model, inlined because it is the most common packed loss and its
     * exp and log are most of a small model's step: one {@code e = exp(-|z|)} gives the probability (also the
     * histogram's) and the gradient {@code p - y}; the loss {@code softplus(z) - y z = max(z, 0) - y z + log(1 + e)}
     * adds its first part now and multiplies {@code 1 + e} into its class's product, whose log {@link #flush} adds
     * every {@value #PRODUCT_RECORDS} records: a log per model every 256 records instead of per record, exact up to
     * rounding. (Example weights are per class, so each class keeps its own product.)
     */
    private void logistic(double[] row, int models, double y, double w, double gradScale, boolean[] skip,
                          double[] batchLoss, PackedScores histograms) {
        boolean positive = y == 1;
        double[] product = positive ? productPositive : productNegative;
        for (int m = 0; m < models; m++) {
            double z = row[m];
            double e = Math.exp(-Math.abs(z));
            double inverse = 1 / (1 + e);
            double p = z >= 0 ? inverse : e * inverse;
            batchLoss[m] += w * (Math.max(z, 0) - y * z);
            product[m] *= 1 + e;
            row[m] = (p - y) * gradScale;
            if (histograms != null && !skip[m] && Double.isFinite(z)) histograms.addScore(m, p, positive);
        }
    }
}
