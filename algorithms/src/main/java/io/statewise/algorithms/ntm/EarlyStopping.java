package io.statewise.algorithms.ntm;

/**
 * The end of an epoch: its mean training loss (negative ELBO per document, measured progressively: each batch before
 * the step it drives) becomes the last loss; an epoch whose relative improvement on the best loss stays below
 * {@code tolerance} counts toward patience, and {@code num_patience_epochs} of them in a row stop training (SageMaker
 * NTM's rule, on the training loss since the algorithm sees no validation data while training).
 */
final class EarlyStopping {

    private EarlyStopping() {}

    /** The state after an epoch end; an unchanged copy if no document was trained on since the last one. */
    static NtmState endEpoch(NtmState global, NtmConfig config) {
        NtmState out = global.copy();
        if (global.epochDocuments == 0) return out;
        double loss = global.epochLoss / global.epochDocuments;
        out.lastLoss = loss;
        double best = global.bestLoss;
        boolean improved = best == Double.POSITIVE_INFINITY
                || loss < best && best - loss >= config.tolerance() * Math.abs(best);
        if (improved) {
            out.bestLoss = loss;
            out.patience = 0;
        } else if (++out.patience >= config.numPatienceEpochs()) {
            out.stopped = true;
        }
        out.epochLoss = 0;
        out.epochDocuments = 0;
        out.epochsDone++;
        return out;
    }
}
