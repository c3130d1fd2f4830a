package io.statewise.algorithms.linear;

import io.statewise.algorithms.SelectionScorer;
import io.statewise.algorithms.data.Batch;

/**
 * Scores every packed model of a global training state over any number of batches (validation data): per-model
 * losses and, for binary classifiers, probability histograms, the same quantities the training pass keeps. The
 * result feeds {@link LinearLearner#endEpoch(LinearState, PackedScores)} (early stopping on validation loss) and
 * {@link LinearLearner#finalize(LinearState, io.statewise.algorithms.HyperParameters, PackedScores)} (selection and
 * threshold tuning on validation data), which is how SageMaker uses a validation channel.
 *
 * <p>Reads the state's parameters once at construction; no allocation per batch beyond growing its buffers to the
 * largest batch. Mutable, single-threaded.
 */
public final class PackedEvaluator implements SelectionScorer {

    private final LinearConfig config;
    private final StateShape shape;
    private final double labelShift;
    private final double labelScale;
    private final double positiveWeight;
    private final boolean[] diverged;
    private final double[][] effective;
    private final double[] offset;
    private final double[] batchLoss;
    private final PackedScores scores;
    private final BatchLayout layout;
    private final PackedLosses losses;
    private double[][] buffer = new double[0][];
    private double[] target = new double[0];
    private double[] weight = new double[0];

    /**
     * An evaluator of the packed models of {@code global}.
     *
     * @param global a MODEL state. Not modified, not retained.
     * @throws IllegalArgumentException if it is not a MODEL state
     */
    PackedEvaluator(LinearState global, LinearConfig config) {
        if (global.kind != LinearState.Kind.MODEL) {
            throw new IllegalArgumentException("packed models are scored from a global training state, not "
                    + global.kind);
        }
        this.config = config;
        this.shape = global.shape;
        this.labelShift = global.labelShift;
        this.labelScale = global.labelScale;
        this.positiveWeight = global.positiveWeight;
        this.diverged = global.diverged.clone();
        this.effective = new double[shape.dimension()][shape.width()];
        this.offset = new double[shape.width()];
        this.batchLoss = new double[shape.models()];
        this.scores = new PackedScores(shape.models(), shape.bins());
        this.layout = new BatchLayout(shape.dimension());
        this.losses = new PackedLosses(shape.models());
        PackedKernel.onRawFeatures(global.weights, global.shift, global.scale, shape.width(), effective, offset);
    }

    /**
     * Scores every record of {@code batch} under every packed model.
     *
     * @param batch labeled records of the state's dimension. Not modified, not retained.
     * @throws IllegalArgumentException on another dimension, a bad label or a non-finite feature
     */
    @Override
    public void add(Batch batch) {
        if (batch.dimension() != shape.dimension()) {
            throw new IllegalArgumentException("batch has " + batch.dimension() + " features, the state "
                    + shape.dimension());
        }
        int n = batch.size();
        if (n == 0) return;
        RecordCheck.labels(config.predictorType(), config.numClasses(), batch.labels(), n);
        RecordCheck.features(batch, n);
        int width = shape.width();
        if (buffer.length < n) {
            buffer = new double[n][];
            for (int i = 0; i < n; i++) buffer[i] = new double[width];
        }
        if (target.length < n) {
            target = new double[n];
            weight = new double[n];
        }
        boolean regression = config.predictorType() == PredictorType.REGRESSOR;
        boolean binary = config.predictorType() == PredictorType.BINARY_CLASSIFIER;
        float[] labels = batch.labels();
        for (int i = 0; i < n; i++) {
            target[i] = regression ? (labels[i] - labelShift) / labelScale : labels[i];
            weight[i] = binary && labels[i] == 1 ? positiveWeight : 1;
        }
        layout.load(batch);
        PackedKernel.scores(layout, effective, offset, width, buffer);
        java.util.Arrays.fill(batchLoss, 0);
        double total = losses.apply(config.loss(), n, shape.models(), shape.outputs(), buffer, target, weight,
                diverged, batchLoss, binary ? scores : null);
        for (int m = 0; m < shape.models(); m++) {
            if (!diverged[m]) scores.addLoss(m, batchLoss[m], total);
        }
    }

    /** The scores so far, a copy. */
    @Override
    public PackedScores result() {
        return scores.copy();
    }
}
