package io.statewise.algorithms.ntm;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.TextBatch;
import io.statewise.algorithms.text.VocabularyIndex;
import java.util.Arrays;

/**
 * The negative ELBO of documents under a model, summed: reconstruction plus KL at the posterior mean (no sampling, so
 * deterministic), with the words and documents scored and the empty documents skipped. What the evaluator reports and
 * the validation scorer compares. Reads bags of words (sparse or dense counts) and, when the model has a vocabulary,
 * tokenized documents. Mutable, single-threaded.
 */
final class ElboSums {

    private final NtmModel model;
    private final ModelInference inference;
    private final LogisticNormalPrior prior;
    private TextDocuments text;
    double reconstruction;
    double kl;
    double words;
    long documents;
    long emptyDocuments;

    ElboSums(NtmModel model) {
        this.model = model;
        this.inference = new ModelInference(model);
        this.prior = new LogisticNormalPrior(model.numTopics());
    }

    /**
     * Scores the batch's documents.
     *
     * @return the bag of the documents scored (valid until the next call)
     * @throws IllegalArgumentException on another feature dimension, a negative or non-finite count, or text for a
     *                                  model without a vocabulary
     */
    DocumentBag add(Batch batch) {
        Batch counts = batch instanceof TextBatch documents ? text().convert(documents) : batch;
        if (counts.dimension() != model.featureDim()) {
            throw new IllegalArgumentException("batch has " + counts.dimension() + " features, the model "
                    + model.featureDim() + " words");
        }
        DocumentBag bag = inference.workspace.bag;
        bag.clear();
        for (int i = 0; i < counts.size(); i++) {
            double total = DocumentBag.words(counts, i);
            if (total == 0) {
                emptyDocuments++;
            } else {
                bag.add(counts, i, total);
                words += total;
            }
        }
        if (bag.size() == 0) return bag;
        inference.forward();
        reconstruction += Reconstruction.apply(inference.workspace.logits, model.featureDim(), bag, 0);
        for (int i = 0; i < bag.size(); i++) kl += prior.kl(inference.workspace.posterior, i);
        documents += bag.size();
        return bag;
    }

    private TextDocuments text() {
        if (text == null) {
            String[] terms = model.vocabulary();
            if (terms == null) {
                throw new IllegalArgumentException("this NTM model has no vocabulary, so it cannot read text: train it"
                        + " on text, or give vocab_file");
            }
            text = new TextDocuments(VocabularyIndex.of(Arrays.asList(terms)));
        }
        return text;
    }

    /** The summed negative ELBO. */
    double loss() {
        return reconstruction + kl;
    }
}
