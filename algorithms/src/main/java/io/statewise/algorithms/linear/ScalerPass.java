package io.statewise.algorithms.linear;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;

/**
 * The scaler pass (epoch 1): each split's partial samples its first {@code ceil(num_point_for_scaler / 8)} records
 * and keeps, per feature, their count, mean and sum of squared deviations from the mean ({@code M2}); for regression
 * the same of the labels, for classifiers the records per class. Completing the epoch turns the moments into the
 * fixed normalizer and the initial weights ({@link #finish}).
 *
 * <p>Moments are combined with the pairwise formula of Chan, Golub and LeVeque ("Algorithms for computing the sample
 * variance", 1983), written symmetrically ({@code mean = (na ma + nb mb) / n}, {@code M2 = M2a + M2b + delta^2 na nb
 * / n}), so that merging is exact up to rounding, bit-for-bit commutative, and free of the cancellation of raw sums
 * of squares (features such as timestamps, with a large mean and a small spread, keep their variance). A batch's own
 * moments are computed in two passes over the batch.
 */
final class ScalerPass {

    /** A standard deviation at most this fraction of the mean's magnitude is rounding noise: a constant feature. */
    static final double CONSTANT_RELATIVE_SPREAD = 1e-10;

    private ScalerPass() {}

    /**
     * Adds a batch to a SCALING state: every label is checked; the moments take the records up to the sample size
     * {@code cfg.scalerSampleRecords()}; later records are only counted ({@link #wantsMore} has told the runtime
     * to stop reading by then, up to one batch). Allocates small {@code d}-arrays per batch: the pass reads only a
     * few batches per split.
     *
     * @throws IllegalArgumentException on a bad label or a non-finite sampled feature
     */
    static void add(LinearState s, Batch batch, LinearConfig cfg) {
        int n = batch.size();
        RecordCheck.labels(cfg.predictorType(), cfg.numClasses(), batch.labels(), n);
        double room = cfg.scalerSampleRecords() - s.sampled;
        int take = room <= 0 ? 0 : (int) Math.min(n, room);
        if (take == 0) return;
        RecordCheck.features(batch, take);
        int d = s.shape.dimension();
        double[] mean = new double[d];
        double[] m2 = new double[d];
        if (batch instanceof DenseBatch dense) denseMoments(dense, take, mean, m2);
        else sparseMoments((SparseBatch) batch, take, mean, m2);
        combine(s.sampled, s.featureMean, s.featureM2, take, mean, m2, s.featureMean, s.featureM2);
        float[] labels = batch.labels();
        if (cfg.predictorType() == PredictorType.REGRESSOR) {
            double sum = 0;
            for (int i = 0; i < take; i++) sum += labels[i];
            double labelMean = sum / take;
            double labelM2 = 0;
            for (int i = 0; i < take; i++) {
                double r = labels[i] - labelMean;
                labelM2 += r * r;
            }
            double[] lm = {s.labelMean};
            double[] l2 = {s.labelM2};
            combine(s.sampled, lm, l2, take, new double[] {labelMean}, new double[] {labelM2}, lm, l2);
            s.labelMean = lm[0];
            s.labelM2 = l2[0];
        } else {
            for (int i = 0; i < take; i++) s.labelCounts[(int) labels[i]] += 1;
        }
        s.sampled += take;
    }

    /** Whether a SCALING partial has not yet sampled its share. */
    static boolean wantsMore(LinearState s, LinearConfig cfg) {
        return s.sampled < cfg.scalerSampleRecords();
    }

    private static void denseMoments(DenseBatch batch, int n, double[] mean, double[] m2) {
        float[] x = batch.features();
        int d = batch.dimension();
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int j = 0; j < d; j++) mean[j] += x[o + j];
        }
        for (int j = 0; j < d; j++) mean[j] /= n;
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int j = 0; j < d; j++) {
                double r = x[o + j] - mean[j];
                m2[j] += r * r;
            }
        }
    }

    /** Moments of sparse records: non-zeros in two passes, implicit zeros in closed form. */
    private static void sparseMoments(SparseBatch batch, int n, double[] mean, double[] m2) {
        int d = batch.dimension();
        int[] rowStart = batch.rowStart();
        int[] indices = batch.indices();
        float[] values = batch.values();
        int end = rowStart[n];
        double[] nonZeros = new double[d];
        for (int p = 0; p < end; p++) {
            mean[indices[p]] += values[p];
            nonZeros[indices[p]] += 1;
        }
        for (int j = 0; j < d; j++) mean[j] /= n;
        for (int p = 0; p < end; p++) {
            double r = values[p] - mean[indices[p]];
            m2[indices[p]] += r * r;
        }
        for (int j = 0; j < d; j++) m2[j] += (n - nonZeros[j]) * mean[j] * mean[j];
    }

    /**
     * Moments of the union of two samples into {@code outMean}, {@code outM2} (which may be either input). An empty
     * side leaves the other's moments unchanged, bit for bit.
     */
    static void combine(double na, double[] meanA, double[] m2A, double nb, double[] meanB, double[] m2B,
                        double[] outMean, double[] outM2) {
        int d = outMean.length;
        if (nb == 0) {
            if (outMean != meanA) System.arraycopy(meanA, 0, outMean, 0, d);
            if (outM2 != m2A) System.arraycopy(m2A, 0, outM2, 0, d);
            return;
        }
        if (na == 0) {
            if (outMean != meanB) System.arraycopy(meanB, 0, outMean, 0, d);
            if (outM2 != m2B) System.arraycopy(m2B, 0, outM2, 0, d);
            return;
        }
        double n = na + nb;
        double cross = na * nb / n;
        for (int j = 0; j < d; j++) {
            double delta = meanB[j] - meanA[j];
            double mean = (na * meanA[j] + nb * meanB[j]) / n;
            outM2[j] = m2A[j] + m2B[j] + delta * delta * cross;
            outMean[j] = mean;
        }
    }

    /** Merges two SCALING states into a new one. */
    static LinearState merge(LinearState a, LinearState b) {
        LinearState out = new LinearState(a.shape);
        out.records = a.records + b.records;
        combine(a.sampled, a.featureMean, a.featureM2, b.sampled, b.featureMean, b.featureM2, out.featureMean,
                out.featureM2);
        double[] lm = new double[1];
        double[] l2 = new double[1];
        combine(a.sampled, new double[] {a.labelMean}, new double[] {a.labelM2}, b.sampled,
                new double[] {b.labelMean}, new double[] {b.labelM2}, lm, l2);
        out.labelMean = lm[0];
        out.labelM2 = l2[0];
        for (int c = 0; c < out.labelCounts.length; c++) out.labelCounts[c] = a.labelCounts[c] + b.labelCounts[c];
        out.sampled = a.sampled + b.sampled;
        return out;
    }

    /**
     * The global training state built from scaler moments: the normalizer (features shifted by their mean and scaled
     * by their standard deviation if {@code normalize_data}; a constant feature, whose spread is 0 or rounding noise,
     * keeps scale 1 and starts with weight 0; regression labels likewise if {@code normalize_label}), the positive
     * example weight ({@code balanced}: negatives over positives of the sample, 1 if either is missing), and the
     * seeded initial weights of every packed model. Each model draws from its own random stream, so a model's start
     * does not depend on how many models are packed with it.
     */
    static LinearState finish(LinearState moments, LinearConfig cfg) {
        StateShape shape = moments.shape;
        int d = shape.dimension();
        int width = shape.width();
        LinearState s = new LinearState(shape);
        s.kind = LinearState.Kind.MODEL;
        s.records = moments.records;
        s.sampled = moments.sampled;
        System.arraycopy(moments.featureMean, 0, s.featureMean, 0, d);
        System.arraycopy(moments.featureM2, 0, s.featureM2, 0, d);
        s.labelMean = moments.labelMean;
        s.labelM2 = moments.labelM2;
        System.arraycopy(moments.labelCounts, 0, s.labelCounts, 0, s.labelCounts.length);

        s.shift = new double[d];
        s.scale = new double[d];
        boolean[] constant = new boolean[d];
        double n = moments.sampled;
        for (int j = 0; j < d; j++) {
            double mean = n > 0 ? moments.featureMean[j] : 0;
            double std = n > 0 ? Math.sqrt(moments.featureM2[j] / n) : 0;
            constant[j] = isConstant(mean, std);
            s.shift[j] = cfg.normalizeData() ? mean : 0;
            s.scale[j] = cfg.normalizeData() && !constant[j] ? std : 1;
        }
        if (cfg.normalizeLabel() && n > 0) {
            double std = Math.sqrt(moments.labelM2 / n);
            s.labelShift = moments.labelMean;
            s.labelScale = isConstant(moments.labelMean, std) ? 1 : std;
        }
        if (cfg.predictorType() == PredictorType.BINARY_CLASSIFIER) {
            double negatives = moments.labelCounts[0];
            double positives = moments.labelCounts[1];
            s.positiveWeight = !cfg.balancedPositives() ? cfg.positiveExampleWeightMult()
                    : positives > 0 && negatives > 0 ? negatives / positives : 1;
        }

        float[] w = new float[shape.parameters()];
        int outputs = shape.outputs();
        double xavier = Math.sqrt(6.0 / (d + outputs));
        for (int m = 0; m < shape.models(); m++) {
            LinearRandom random = new LinearRandom(cfg.seed(), m);
            for (int c = 0; c < outputs; c++) {
                for (int j = 0; j < d; j++) {
                    double v = switch (cfg.initMethod()) {
                        case UNIFORM -> random.uniform(cfg.initScale());
                        case NORMAL -> cfg.initSigma() * random.nextGaussian();
                        case XAVIER -> random.uniform(xavier);
                    };
                    w[j * width + m * outputs + c] = cfg.normalizeData() && constant[j] ? 0 : (float) v;
                }
            }
        }
        float bias = cfg.useBias() ? (float) cfg.initBias() : 0;
        for (int k = 0; k < width; k++) w[d * width + k] = bias;
        s.weights = w;
        s.moment1 = new float[w.length];
        s.moment2 = new float[w.length];
        return s;
    }

    /** Whether a spread of {@code std} around {@code mean} is zero or rounding noise. */
    static boolean isConstant(double mean, double std) {
        return !(std > CONSTANT_RELATIVE_SPREAD * Math.abs(mean));
    }
}
