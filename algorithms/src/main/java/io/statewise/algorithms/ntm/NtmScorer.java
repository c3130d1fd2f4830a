package io.statewise.algorithms.ntm;

import io.statewise.algorithms.SelectionScorer;
import io.statewise.algorithms.data.Batch;

/** Scores a state's model on validation documents (bags of words or text) for early stopping. Single-threaded. */
final class NtmScorer implements SelectionScorer {

    private final ElboSums sums;

    NtmScorer(NtmModel model) {
        this.sums = new ElboSums(model);
    }

    @Override
    public void add(Batch batch) {
        sums.add(batch);
    }

    @Override
    public NtmScores result() {
        return new NtmScores(sums.loss(), sums.words, sums.documents, sums.emptyDocuments);
    }
}
