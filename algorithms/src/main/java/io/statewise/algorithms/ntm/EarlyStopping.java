package io.statewise.algorithms.ntm;

/**
 * The end of an epoch: its mean training loss (negative ELBO per document, measured progressively: each batch before
 * the step it drives) becomes the last loss; early stopping compares the validation loss when the job has validation
 * data (the runtime scores the epoch's model and passes the scores), else the training loss (SageMaker NTM's rule
 * without a validation channel): an epoch whose relative improvement on the best loss stays below {@code tolerance}
 * counts toward patience, and {@code num_patience_epochs} of them in a row stop training.
 */
final class EarlyStopping {

    private EarlyStopping() {}

    /**
     * The state after an epoch end; an unchanged copy if no document was trained on since the last one.
     *
     * @param validationLoss the epoch model's validation loss per document, or NaN to compare the training loss
     */
    static NtmState endEpoch(NtmState global, NtmConfig config, double validationLoss) {
        NtmState out = global.copy();
        if (global.epochDocuments == 0) return out;
        double loss = global.epochLoss / global.epochDocuments;
        out.progress.endEpoch(loss, Double.isNaN(validationLoss) ? loss : validationLoss, config.tolerance(),
                config.numPatienceEpochs());
        out.epochLoss = 0;
        out.epochDocuments = 0;
        return out;
    }
}
