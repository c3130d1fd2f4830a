package io.statewise.algorithms.linear;

import io.statewise.algorithms.State;
import java.util.Arrays;

/**
 * The state of a packed linear learner. One class for the three roles a state plays, told apart by {@link #kind()}:
 * <ul>
 *   <li>{@link Kind#SCALING}: the scaler pass (epoch 1). Feature and label moments of a sample (count, mean and sum of
 *       squared deviations per feature, merged exactly by Chan et al.'s pairwise formula) and label counts. The empty
 *       state of {@code init}, the scaler partials and their merges are all of this kind.</li>
 *   <li>{@link Kind#MODEL}: the global training state (epochs 2..E+1), built by {@code completeEpoch} from the scaler
 *       moments. The fixed normalizer, the packed parameters {@code (d + 1) x (models x outputs)} and the optimizer's
 *       moments, the global step count, the per-model progressive losses and score histograms, early-stopping
 *       bookkeeping and label counts.</li>
 *   <li>{@link Kind#DELTA}: a training partial's contribution. A live partial (from {@code startPartial}) trains a
 *       working copy of the weights and reads its base's weights (shared, never written) to know its change; what it
 *       contributes, merges and encodes is that change (double precision), its optimizer moments (re-estimates),
 *       its step and record counts, losses, histograms, label counts and the models that diverged. Merged or decoded
 *       partials hold the contribution only and cannot be trained further.</li>
 * </ul>
 * Every kind encodes to the same number of bytes, fixed by the {@link StateShape}: arrays a kind does not use are
 * written as zeros.
 *
 * <p>Mutable and confined to one thread. The per-batch scratch of a live partial is allocated on its first update and
 * never encoded.
 */
public final class LinearState implements State {

    /** The role of a state. */
    public enum Kind {
        /** Moments of the scaler pass. */
        SCALING,
        /** The global training state. */
        MODEL,
        /** A training partial's contribution. */
        DELTA
    }

    final StateShape shape;
    Kind kind;
    long records;

    // ---- scaler moments (SCALING accumulates them; MODEL keeps those it was built from)
    /** Records in the moments. */
    double sampled;
    final double[] featureMean;
    final double[] featureM2;
    double labelMean;
    double labelM2;
    /** Records per class (classifiers), from the scaler sample and every training record applied. */
    final double[] labelCounts;

    // ---- normalizer (MODEL; a live DELTA shares its base's)
    double[] shift;
    double[] scale;
    double labelShift;
    double labelScale = 1;
    double positiveWeight = 1;

    // ---- parameters
    /** MODEL: the parameters; live DELTA: the working copy. Null otherwise. */
    float[] weights;
    /** Live DELTA: the base's parameters, shared and never written. */
    float[] baseWeights;
    /** Contribution-only DELTA: the parameter change. */
    double[] delta;
    /** Optimizer first moments (SGD velocity, Adam m); null for SCALING. */
    float[] moment1;
    /** Optimizer second moments (Adam v, RMSProp mean square); null for SCALING. */
    float[] moment2;
    /** MODEL: optimizer steps over all workers; DELTA: this partial's steps. */
    long steps;
    /** Live DELTA: the base's steps (for the schedule and Adam's bias correction). */
    long baseSteps;

    // ---- per packed model
    /** Progressive losses and score histograms of the current epoch (histograms: the last epoch with data). */
    final PackedScores running;
    /** The mean loss of the last completed epoch with data; NaN before. */
    final double[] lastLoss;
    /** The best epoch loss so far (early stopping); +inf before. */
    final double[] bestLoss;
    /** Epochs since the last improvement. */
    final int[] patience;
    /** Models early stopping froze: no longer updated. */
    final boolean[] frozen;
    /** Models whose loss or weights became NaN or infinite: frozen and never selected. */
    final boolean[] diverged;
    /** Whether the histograms are of a finished epoch and are replaced by the next data. */
    boolean histogramsStale;
    /** Training epochs completed ({@link LinearLearner#endEpoch} calls with training data). */
    int epochsDone;

    private transient Scratch scratch;

    /** A SCALING state of {@code shape} with no record. */
    LinearState(StateShape shape) {
        this.shape = shape;
        this.kind = Kind.SCALING;
        int d = shape.dimension();
        int m = shape.models();
        this.featureMean = new double[d];
        this.featureM2 = new double[d];
        this.labelCounts = new double[shape.labelSlots()];
        this.running = new PackedScores(m, shape.bins());
        this.lastLoss = new double[m];
        this.bestLoss = new double[m];
        this.patience = new int[m];
        this.frozen = new boolean[m];
        this.diverged = new boolean[m];
        Arrays.fill(lastLoss, Double.NaN);
        Arrays.fill(bestLoss, Double.POSITIVE_INFINITY);
    }

    /** The state's role. */
    public Kind kind() {
        return kind;
    }

    /** Its dimensions. */
    public StateShape shape() {
        return shape;
    }

    @Override
    public long records() {
        return records;
    }

    @Override
    public long serializedSize() {
        return LinearStateCodec.encodedSize(shape);
    }

    /** Whether this is a DELTA that trains (from {@code startPartial}) rather than a merged or decoded contribution. */
    public boolean isLive() {
        return kind == Kind.DELTA && baseWeights != null;
    }

    /** Whether this state contributes nothing to a merge: a SCALING or DELTA state of no record. */
    boolean isEmptyContribution() {
        return kind != Kind.MODEL && records == 0;
    }

    /** Records in the scaler moments. */
    public double scalerCount() {
        return sampled;
    }

    /** A copy of the scaler's feature means. */
    public double[] featureMeans() {
        return featureMean.clone();
    }

    /** A copy of the scaler's per-feature sums of squared deviations from the mean. */
    public double[] featureSquaredDeviations() {
        return featureM2.clone();
    }

    /** The scaler's label mean (regression). */
    public double labelMean() {
        return labelMean;
    }

    /** The scaler's sum of squared deviations of labels from their mean (regression). */
    public double labelSquaredDeviations() {
        return labelM2;
    }

    /** A copy of the per-class record counts (classifiers). */
    public double[] labelCounts() {
        return labelCounts.clone();
    }

    /** The normalizer's per-feature shifts (MODEL), a copy; null for other kinds. */
    public double[] featureShift() {
        return shift == null ? null : shift.clone();
    }

    /** The normalizer's per-feature scales (MODEL), a copy; null for other kinds. */
    public double[] featureScale() {
        return scale == null ? null : scale.clone();
    }

    /** The normalizer's label shift (regression with normalized labels; else 0). */
    public double labelShift() {
        return labelShift;
    }

    /** The normalizer's label scale (regression with normalized labels; else 1). */
    public double labelScale() {
        return labelScale;
    }

    /**
     * Parameter {@code (row, column)}: for MODEL the value, for DELTA the change; 0 for SCALING. Row {@code j < d} is
     * feature {@code j} (on normalized features), row {@code d} the bias; column {@code model * outputs + output}.
     */
    public double parameter(int row, int column) {
        int i = row * shape.width() + column;
        return switch (kind) {
            case SCALING -> 0;
            case MODEL -> weights[i];
            case DELTA -> deltaAt(i);
        };
    }

    /** The change of parameter {@code i} of a DELTA. */
    double deltaAt(int i) {
        return delta != null ? delta[i] : (double) weights[i] - (double) baseWeights[i];
    }

    /** The optimizer steps: global (MODEL) or this partial's (DELTA). */
    public long steps() {
        return steps;
    }

    /** Training epochs completed. */
    public int epochsDone() {
        return epochsDone;
    }

    /** A copy of the current epoch's progressive losses and score histograms. */
    public PackedScores running() {
        return running.copy();
    }

    /** Whether packed model {@code m} is frozen by early stopping or divergence. */
    public boolean isFrozen(int m) {
        return frozen[m] || diverged[m];
    }

    /** Whether packed model {@code m} diverged. */
    public boolean isDiverged(int m) {
        return diverged[m];
    }

    /** Model {@code m}'s mean loss of the last completed epoch with data (NaN before the first). */
    public double lastEpochLoss(int m) {
        return lastLoss[m];
    }

    /** Whether some model is still trained. */
    boolean anyActive() {
        for (int m = 0; m < shape.models(); m++) {
            if (!frozen[m] && !diverged[m]) return true;
        }
        return false;
    }

    /** The per-batch scratch of a live partial, allocated on first use. */
    Scratch scratch() {
        if (scratch == null) scratch = new Scratch(shape);
        return scratch;
    }

    /**
     * An independent copy of this state in contribution form: a live DELTA becomes a contribution-only DELTA (its
     * change computed, without its base's normalizer), other kinds copy every array.
     */
    LinearState copy() {
        LinearState c = new LinearState(shape);
        c.kind = kind;
        c.records = records;
        c.sampled = sampled;
        System.arraycopy(featureMean, 0, c.featureMean, 0, featureMean.length);
        System.arraycopy(featureM2, 0, c.featureM2, 0, featureM2.length);
        c.labelMean = labelMean;
        c.labelM2 = labelM2;
        System.arraycopy(labelCounts, 0, c.labelCounts, 0, labelCounts.length);
        if (kind == Kind.MODEL) {
            c.shift = shift.clone();
            c.scale = scale.clone();
            c.labelShift = labelShift;
            c.labelScale = labelScale;
            c.positiveWeight = positiveWeight;
        }
        if (kind == Kind.MODEL) c.weights = weights.clone();
        if (kind == Kind.DELTA) c.delta = deltaCopy();
        c.moment1 = moment1 == null ? null : moment1.clone();
        c.moment2 = moment2 == null ? null : moment2.clone();
        c.steps = steps;
        c.running.add(running);
        System.arraycopy(lastLoss, 0, c.lastLoss, 0, lastLoss.length);
        System.arraycopy(bestLoss, 0, c.bestLoss, 0, bestLoss.length);
        System.arraycopy(patience, 0, c.patience, 0, patience.length);
        System.arraycopy(frozen, 0, c.frozen, 0, frozen.length);
        System.arraycopy(diverged, 0, c.diverged, 0, diverged.length);
        c.histogramsStale = histogramsStale;
        c.epochsDone = epochsDone;
        return c;
    }

    /** The change of a DELTA's parameters, a new array. */
    double[] deltaCopy() {
        if (delta != null) return delta.clone();
        double[] out = new double[weights.length];
        for (int i = 0; i < out.length; i++) out[i] = (double) weights[i] - (double) baseWeights[i];
        return out;
    }

    @Override
    public String toString() {
        return "LinearState[" + kind + (isLive() ? " live" : "") + ", d=" + shape.dimension() + ", models="
                + shape.models() + ", outputs=" + shape.outputs() + ", records=" + records + ", steps=" + steps + "]";
    }

    /** Per-batch buffers of a live partial's step, reused by every batch. */
    static final class Scratch {
        private final int width;
        /** Scores, then loss gradients, of a batch: one row of {@code width} per record. Grows with the batch. */
        double[][] scores = new double[0][];
        /** Weights on raw features: {@code weight / scale}, one row of {@code width} per feature. */
        final double[][] effective;
        /** Offsets: bias minus the shift's contribution, {@code width}. */
        final double[] offset;
        /** {@code X^T G} on raw features, one row per feature. */
        final double[][] gradient;
        /** Column sums of G: the bias gradient, {@code width}. */
        final double[] gradientSum;
        /** Per-model batch losses. */
        final double[] batchLoss;
        /** Per-model learning rates of this step. */
        final double[] rate;
        /** Per-model flags: trained in this step. */
        final boolean[] active;
        /** Per-model flags: diverged in this step. */
        final boolean[] diverging;
        /** The batch's non-zeros by record and by feature. */
        final BatchLayout layout;
        /** The per-record loss stage. */
        final PackedLosses losses;
        /** Per-record example weights and normalized labels. */
        double[] exampleWeight = new double[0];
        double[] target = new double[0];

        Scratch(StateShape shape) {
            width = shape.width();
            int d = shape.dimension();
            effective = new double[d][width];
            offset = new double[width];
            gradient = new double[d][width];
            gradientSum = new double[width];
            batchLoss = new double[shape.models()];
            rate = new double[shape.models()];
            active = new boolean[shape.models()];
            diverging = new boolean[shape.models()];
            layout = new BatchLayout(d);
            losses = new PackedLosses(shape.models());
        }

        /** Grows the per-record buffers to {@code n} records. */
        void ensure(int n) {
            if (scores.length < n) {
                double[][] grown = new double[n][];
                System.arraycopy(scores, 0, grown, 0, scores.length);
                for (int i = scores.length; i < n; i++) grown[i] = new double[width];
                scores = grown;
            }
            if (exampleWeight.length < n) {
                exampleWeight = new double[n];
                target = new double[n];
            }
        }
    }
}
