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
 * Text is read through the model's vocabulary; a document without an in-vocabulary word is an empty document.
 */
public final class NtmEvaluator implements Evaluator {

    /** Top words per topic of the coherence. */
    public static final int COHERENCE_WORDS = 10;
    /** Top words per topic of the diversity. */
    public static final int DIVERSITY_WORDS = 25;

    private final ElboSums sums;
    private final TopicCoherence coherence;
    private final double diversity;

    NtmEvaluator(NtmModel model) {
        this.sums = new ElboSums(model);
        this.coherence = new TopicCoherence(top(model, COHERENCE_WORDS), model.featureDim());
        this.diversity = TopicCoherence.diversity(top(model, DIVERSITY_WORDS));
    }

    private static int[][] top(NtmModel model, int count) {
        float[][] topicWord = model.topicWord();
        int[][] out = new int[topicWord.length][];
        for (int k = 0; k < out.length; k++) out[k] = TopWords.largest(topicWord[k],
                Math.min(count, model.featureDim()));
        return out;
    }

    /**
     * Scores the batch's documents: bags of words, or tokenized documents when the model has a vocabulary.
     *
     * @throws IllegalArgumentException on another feature dimension, a negative or non-finite count, or text for a
     *                                  model without a vocabulary
     */
    @Override
    public void add(Batch batch) {
        coherence.add(sums.add(batch));
    }

    @Override
    public Metrics result() {
        Map<String, Double> out = new LinkedHashMap<>();
        double n = sums.documents;
        out.put("total_loss", sums.loss() / n);
        out.put("reconstruction_loss", sums.reconstruction / n);
        out.put("kl_divergence", sums.kl / n);
        out.put("perplexity", sums.words == 0 ? Double.NaN : Math.exp(sums.loss() / sums.words));
        out.put("npmi", coherence.npmi());
        out.put("topic_diversity", diversity);
        out.put("documents", n);
        out.put("empty_documents", (double) sums.emptyDocuments);
        return new Metrics(out);
    }
}
