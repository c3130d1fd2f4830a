package io.statewise.algorithms.linear;

import io.statewise.algorithms.SelectionScores;

import java.util.Arrays;

/**
 * Per packed model: the example-weighted sum of losses and, for binary classifiers, histograms of predicted
 * probabilities of positive and of negative records ({@code bins} equal bins over [0, 1]). This is all model
 * selection and threshold tuning need, it is mergeable (sums and counts add) and its size is fixed, so it lives in the
 * training state (progressive losses of the training pass) and is what {@link PackedEvaluator} computes over
 * validation data.
 *
 * <p>Why histograms: tuning a threshold for accuracy, F-beta or a precision/recall target needs the distribution of
 * scores of each class, which an exact method would keep record by record. With {@code B} bins the candidate
 * thresholds are the bin edges {@code b / B}, and the counts above each edge are exact for them: a record of
 * probability {@code p} falls into bin {@code floor(p B)}, so {@code p >= b / B} exactly when its bin is at least
 * {@code b}. The tuned threshold is thus off the best real-valued threshold by less than one bin width (0.005).
 *
 * <p>Mutable, single-threaded.
 */
public final class PackedScores implements SelectionScores {

    private final int models;
    private final int bins;
    final double[] lossSum;
    final double[] lossWeight;
    /** {@code [model][0 = positives, 1 = negatives][bin]}, flattened. */
    final double[] histogram;

    /**
     * Empty scores.
     *
     * @param models packed models, at least 1
     * @param bins   histogram bins per model and class; 0 keeps no histogram (regressors, multiclass)
     */
    public PackedScores(int models, int bins) {
        if (models < 1) throw new IllegalArgumentException("models must be >= 1, got " + models);
        if (bins < 0) throw new IllegalArgumentException("bins must be >= 0, got " + bins);
        this.models = models;
        this.bins = bins;
        this.lossSum = new double[models];
        this.lossWeight = new double[models];
        this.histogram = new double[Math.multiplyExact(models, 2 * bins)];
    }

    /** Packed models. */
    public int models() {
        return models;
    }

    /** Histogram bins per model and class. */
    public int bins() {
        return bins;
    }

    /** Model {@code m}'s example-weighted mean loss, NaN if it has seen no example. */
    public double meanLoss(int m) {
        return lossWeight[m] > 0 ? lossSum[m] / lossWeight[m] : Double.NaN;
    }

    /** The weight of the examples whose loss model {@code m} has summed. */
    public double lossWeight(int m) {
        return lossWeight[m];
    }

    /** Positive records of model {@code m} whose probability fell into {@code bin}. */
    public double positives(int m, int bin) {
        return histogram[(2 * m) * bins + bin];
    }

    /** Negative records of model {@code m} whose probability fell into {@code bin}. */
    public double negatives(int m, int bin) {
        return histogram[(2 * m + 1) * bins + bin];
    }

    /** Adds one example's loss (already multiplied by its weight) to model {@code m}. */
    public void addLoss(int m, double weightedLoss, double weight) {
        lossSum[m] += weightedLoss;
        lossWeight[m] += weight;
    }

    /** Counts a record of probability {@code p} (finite) and class {@code positive} for model {@code m}. */
    public void addScore(int m, double p, boolean positive) {
        histogram[(2 * m + (positive ? 0 : 1)) * bins + bin(p, bins)] += 1;
    }

    /** The bin of probability {@code p}: {@code floor(p * bins)}, clamped to [0, bins). */
    static int bin(double p, int bins) {
        int b = (int) (p * bins);
        return b < 0 ? 0 : Math.min(b, bins - 1);
    }

    /** Whether nothing was added. */
    public boolean isEmpty() {
        for (double w : lossWeight) {
            if (w != 0) return false;
        }
        for (double h : histogram) {
            if (h != 0) return false;
        }
        return true;
    }

    /** Whether any histogram count is non-zero. */
    boolean hasHistogram() {
        for (double h : histogram) {
            if (h != 0) return true;
        }
        return false;
    }

    /**
     * Adds {@code other}'s sums and counts to these.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public void add(PackedScores other) {
        if (other.models != models || other.bins != bins) {
            throw new IllegalArgumentException("scores of " + other.models + " models x " + other.bins
                    + " bins do not add to " + models + " x " + bins);
        }
        for (int m = 0; m < models; m++) {
            lossSum[m] += other.lossSum[m];
            lossWeight[m] += other.lossWeight[m];
        }
        for (int i = 0; i < histogram.length; i++) histogram[i] += other.histogram[i];
    }

    /** New scores holding these and {@code other}'s sums and counts. */
    @Override
    public PackedScores plus(SelectionScores other) {
        if (!(other instanceof PackedScores o)) throw new IllegalArgumentException("not linear scores: " + other);
        PackedScores sum = new PackedScores(models, bins);
        sum.add(this);
        sum.add(o);
        return sum;
    }

    /** Adds only {@code other}'s losses (not its histograms). */
    void addLosses(PackedScores other) {
        for (int m = 0; m < models; m++) {
            lossSum[m] += other.lossSum[m];
            lossWeight[m] += other.lossWeight[m];
        }
    }

    /** Forgets the losses. */
    void clearLosses() {
        Arrays.fill(lossSum, 0);
        Arrays.fill(lossWeight, 0);
    }

    /** Forgets the histograms. */
    void clearHistograms() {
        Arrays.fill(histogram, 0);
    }

    /** An independent copy. */
    public PackedScores copy() {
        PackedScores c = new PackedScores(models, bins);
        System.arraycopy(lossSum, 0, c.lossSum, 0, models);
        System.arraycopy(lossWeight, 0, c.lossWeight, 0, models);
        System.arraycopy(histogram, 0, c.histogram, 0, histogram.length);
        return c;
    }
}
