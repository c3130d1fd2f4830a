package io.statewise.algorithms.ntm;

import io.statewise.algorithms.Evaluator;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluation metrics of an {@link NtmModel} over documents:
 * <ul>
 *   <li>{@code total_loss}: the mean negative ELBO per document, reconstruction ({@code reconstruction_loss}) plus
 *       KL ({@code kl_divergence}), each evaluated at the posterior mean (no sampling: deterministic);</li>
 *   <li>{@code perplexity}: {@code exp(sum of negative ELBOs / total words)}, an upper bound of the per-word
 *       perplexity (a uniform model over V words scores V);</li>
 *   <li>{@code npmi}: topic coherence, the NPMI of each topic's top 10 words with co-occurrence counted per evaluated
 *       document, averaged over topics ({@link TopicCoherence});</li>
 *   <li>{@code topic_diversity}: the share of distinct words among the top 25 words of all topics;</li>
 *   <li>{@code documents} and {@code empty_documents} (records without a word, skipped and counted).</li>
 * </ul>
 */
public final class NtmEvaluator implements Evaluator {

    /** Top words per topic of the coherence. */
    public static final int COHERENCE_WORDS = 10;
    /** Top words per topic of the diversity. */
    public static final int DIVERSITY_WORDS = 25;

    private final NtmModel model;
    private final ModelInference inference;
    private final LogisticNormalPrior prior;
    private final TopicCoherence coherence;
    private final double diversity;
    private double reconstruction;
    private double kl;
    private double words;
    private long documents;
    private long emptyDocuments;

    NtmEvaluator(NtmModel model) {
        this.model = model;
        this.inference = new ModelInference(model);
        this.prior = new LogisticNormalPrior(model.numTopics());
        this.coherence = new TopicCoherence(top(model, COHERENCE_WORDS), model.featureDim());
        this.diversity = TopicCoherence.diversity(top(model, DIVERSITY_WORDS));
    }

    private static int[][] top(NtmModel model, int count) {
        float[][] topicWord = model.topicWord();
        int[][] out = new int[topicWord.length][];
        for (int k = 0; k < out.length; k++) out[k] = TopWords.largest(topicWord[k], Math.min(count, model.featureDim()));
        return out;
    }

    /**
     * Scores the batch's documents.
     *
     * @throws IllegalArgumentException on another feature dimension, or a negative or non-finite count
     */
    @Override
    public void add(Batch batch) {
        if (batch.dimension() != model.featureDim()) {
            throw new IllegalArgumentException("batch has " + batch.dimension() + " features, the model "
                    + model.featureDim() + " words");
        }
        BagOfWords bag = inference.workspace.bag;
        bag.clear();
        for (int i = 0; i < batch.size(); i++) {
            double total = BagOfWords.words(batch, i);
            if (total == 0) {
                emptyDocuments++;
            } else {
                bag.add(batch, i, total);
                words += total;
            }
        }
        if (bag.size() == 0) return;
        inference.forward();
        reconstruction += Reconstruction.apply(inference.workspace.logits, model.featureDim(), bag, 0);
        for (int i = 0; i < bag.size(); i++) kl += prior.kl(inference.workspace.posterior, i);
        documents += bag.size();
        coherence.add(bag);
    }

    @Override
    public Metrics result() {
        Map<String, Double> out = new LinkedHashMap<>();
        double n = documents;
        out.put("total_loss", (reconstruction + kl) / n);
        out.put("reconstruction_loss", reconstruction / n);
        out.put("kl_divergence", kl / n);
        out.put("perplexity", words == 0 ? Double.NaN : Math.exp((reconstruction + kl) / words));
        out.put("npmi", coherence.npmi());
        out.put("topic_diversity", diversity);
        out.put("documents", n);
        out.put("empty_documents", (double) emptyDocuments);
        return new Metrics(out);
    }
}
