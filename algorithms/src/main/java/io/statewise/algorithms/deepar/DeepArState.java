package io.statewise.algorithms.deepar;

import io.statewise.algorithms.State;
import io.statewise.algorithms.nn.EpochProgress;

/**
 * The state of a DeepAR job or worker: network parameters, Adam's moments, counters and per-epoch bookkeeping, in two
 * roles ({@link #kind()}):
 * <ul>
 *   <li>{@link Kind#GLOBAL}: the job's parameters (the state of {@code init}, and every result of
 *       {@code completeEpoch} and {@code endEpoch}). Not trained directly.</li>
 *   <li>{@link Kind#PARTIAL}: a worker's training run from a base: the base parameters (shared with the global state
 *       it started from, never written), its current parameters, the moments it continued, its counters and the
 *       generator of its windows and dropout. Its contribution is {@code params - base}.</li>
 * </ul>
 * Every state of one configuration encodes to the same number of bytes. Mutable and confined to one thread; the
 * workspace is built on first use and never encoded.
 */
public final class DeepArState implements State {

    /** The role of a state. */
    public enum Kind { GLOBAL, PARTIAL }

    final DeepArShape shape;
    Kind kind;
    float[] params;
    /** PARTIAL: the parameters it started from (read-only); GLOBAL: null. */
    float[] base;
    /**
     * GLOBAL: the parameters at the end of the epoch with the lowest compared loss (validation loss, else training
     * loss), which finalize forecasts with, as SageMaker's DeepAR returns the model of the lowest loss; null before the
     * first epoch end. Never written in place. PARTIAL: null.
     */
    float[] best;
    /** Adam's moments over all parameters. */
    float[][] moments;

    /** Series fed. */
    long records;
    /** Training windows the optimizer stepped on (the weight of a merge). */
    long windows;
    /** Observed values scored by the training loss. */
    long observations;
    /** Optimizer steps skipped because the loss or gradient was not finite. */
    long skippedBatches;
    /** GLOBAL: steps of all workers; PARTIAL: its own. */
    long steps;
    /** PARTIAL: the base's steps (Adam's bias correction counts from there). */
    long baseSteps;
    /** The current epoch's summed negative log-likelihood (each batch before its step) and its observations. */
    double epochLoss;
    long epochObservations;
    /** Epochs completed, the last and best losses, early stopping. */
    EpochProgress progress = new EpochProgress();
    /** Decays of the learning rate so far ({@link LearningRateSchedule}). */
    int learningRateDecays;
    /** PARTIAL: the state of its generator. */
    long random;

    private transient DeepArWorkspace workspace;

    DeepArState(DeepArShape shape, Kind kind, float[] params, float[] base, float[][] moments) {
        this.shape = shape;
        this.kind = kind;
        this.params = params;
        this.base = base;
        this.moments = moments;
    }

    public Kind kind() {
        return kind;
    }

    public DeepArShape shape() {
        return shape;
    }

    /** Series fed. */
    @Override
    public long records() {
        return records;
    }

    @Override
    public long serializedSize() {
        return DeepArStateCodec.encodedSize(this);
    }

    /** Training windows stepped on. */
    public long windows() {
        return windows;
    }

    /** Observed values the training loss scored. */
    public long observations() {
        return observations;
    }

    /** Optimizer steps (global: all workers'; partial: its own). */
    public long steps() {
        return steps;
    }

    /** Mini-batches skipped for a non-finite loss or gradient. */
    public long skippedBatches() {
        return skippedBatches;
    }

    public int epochsDone() {
        return progress.epochsDone();
    }

    /** The mean training loss (negative log-likelihood per observation) of the last epoch; NaN before. */
    public double lastEpochLoss() {
        return progress.lastLoss();
    }

    /** The best loss early stopping has seen; +inf before. */
    public double bestLoss() {
        return progress.bestLoss();
    }

    /** Decays of the learning rate on plateaus so far. */
    public int learningRateDecays() {
        return learningRateDecays;
    }

    public boolean stopped() {
        return progress.stopped();
    }

    /** A copy of the parameters. */
    public float[] parameters() {
        return params.clone();
    }

    /** The parameters a model forecasts with: those of the best epoch so far, the current ones before an epoch end. */
    float[] modelParameters() {
        return best != null ? best : params;
    }

    DeepArWorkspace workspace(DeepArNetwork network) {
        if (workspace == null) workspace = new DeepArWorkspace(network);
        return workspace;
    }

    long totalSteps() {
        return kind == Kind.GLOBAL ? steps : baseSteps + steps;
    }

    /** An independent copy of every encoded field. */
    DeepArState copy() {
        float[][] m = new float[moments.length][];
        for (int s = 0; s < m.length; s++) m[s] = moments[s].clone();
        DeepArState c = new DeepArState(shape, kind, params.clone(), base == null ? null : base.clone(), m);
        c.best = best == null ? null : best.clone();
        c.copyCountersFrom(this);
        c.copyBookkeepingFrom(this);
        c.steps = steps;
        c.baseSteps = baseSteps;
        c.random = random;
        return c;
    }

    void copyCountersFrom(DeepArState o) {
        records = o.records;
        windows = o.windows;
        observations = o.observations;
        skippedBatches = o.skippedBatches;
        epochLoss = o.epochLoss;
        epochObservations = o.epochObservations;
    }

    void addCountersOf(DeepArState o) {
        records += o.records;
        windows += o.windows;
        observations += o.observations;
        skippedBatches += o.skippedBatches;
        epochLoss += o.epochLoss;
        epochObservations += o.epochObservations;
    }

    void copyBookkeepingFrom(DeepArState o) {
        progress = o.progress.copy();
        learningRateDecays = o.learningRateDecays;
    }

    @Override
    public String toString() {
        return "DeepArState[" + kind + ", records=" + records + ", windows=" + windows + ", steps=" + steps + "]";
    }
}
