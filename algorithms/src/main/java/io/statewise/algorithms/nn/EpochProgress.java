package io.statewise.algorithms.nn;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;

/**
 * The per-epoch bookkeeping of an iteratively trained state (the NTM's, DeepAR's): epochs completed, the last epoch's
 * mean training loss, the best loss early stopping compared so far, the epochs since it improved, and whether early
 * stopping ended training. Mutable and confined with its state.
 */
public final class EpochProgress {

    private int epochsDone;
    private double lastLoss = Double.NaN;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int patience;
    private boolean stopped;

    /** No epoch completed yet. */
    public EpochProgress() {}

    private EpochProgress(int epochsDone, double lastLoss, double bestLoss, int patience, boolean stopped) {
        this.epochsDone = epochsDone;
        this.lastLoss = lastLoss;
        this.bestLoss = bestLoss;
        this.patience = patience;
        this.stopped = stopped;
    }

    public int epochsDone() {
        return epochsDone;
    }

    /** The mean training loss of the last completed epoch; NaN before. */
    public double lastLoss() {
        return lastLoss;
    }

    /** The best compared loss so far; +inf before. */
    public double bestLoss() {
        return bestLoss;
    }

    /** Epochs in a row without improvement. */
    public int patience() {
        return patience;
    }

    /** Whether early stopping ended training. */
    public boolean stopped() {
        return stopped;
    }

    /** An independent copy. */
    public EpochProgress copy() {
        return new EpochProgress(epochsDone, lastLoss, bestLoss, patience, stopped);
    }

    /** The bookkeeping of a merge of two partials: the furthest of each (max, min, or), symmetric. */
    public static EpochProgress merge(EpochProgress a, EpochProgress b) {
        return new EpochProgress(Math.max(a.epochsDone, b.epochsDone), Math.min(a.lastLoss, b.lastLoss),
                Math.min(a.bestLoss, b.bestLoss), Math.max(a.patience, b.patience), a.stopped || b.stopped);
    }

    /**
     * Ends an epoch: {@code loss} becomes the last loss; {@code compared} (the validation loss, or the training loss
     * without validation data) improves on the best when it is lower by at least {@code tolerance} times the best
     * (the first epoch always does); otherwise patience grows, and reaching {@code patienceLimit} stops training (0:
     * never).
     */
    public void endEpoch(double loss, double compared, double tolerance, int patienceLimit) {
        lastLoss = loss;
        boolean improved = bestLoss == Double.POSITIVE_INFINITY
                || compared < bestLoss && bestLoss - compared >= tolerance * Math.abs(bestLoss);
        if (improved) {
            bestLoss = compared;
            patience = 0;
        } else if (++patience >= patienceLimit && patienceLimit > 0) {
            stopped = true;
        }
        epochsDone++;
    }

    /** Writes int epochs done, double last loss, double best loss, int patience, byte stopped. */
    public void write(BinaryWriter out) {
        out.putInt(epochsDone).putDouble(lastLoss).putDouble(bestLoss).putInt(patience).putByte(stopped ? 1 : 0);
    }

    /** Reads what {@link #write} wrote. */
    public static EpochProgress read(BinaryReader in) {
        return new EpochProgress(in.getInt(), in.getDouble(), in.getDouble(), in.getInt(), in.getByte() == 1);
    }

    /** Bytes {@link #write} writes. */
    public static int encodedSize() {
        return 4 + 8 + 8 + 4 + 1;
    }
}
