package io.statewise.algorithms.ntm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Evaluator;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.training.SyncRounds;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The known answer: a corpus drawn from LDA with K = 5 sparse topics over V = 100 words. The trained model recovers
 * every topic (a learned topic shares most of its top 10 words) and its perplexity falls far below a uniform
 * model's V, toward the oracle's.
 */
class NtmTopicRecoveryTest {

    @Test
    void recoversLdaTopics() {
        NtmTesting.Corpus corpus = NtmTesting.lda(5, 100, 10, 3000, 0.2, 40, 100, 11);
        NtmTesting.Corpus test = NtmTesting.lda(5, 100, 10, 500, 0.2, 40, 100, 11);
        Ntm ntm = NtmTesting.ntm("num_topics", 5, "feature_dim", 100, "epochs", 30, "mini_batch_size", 64,
                "optimizer", "adam", "learning_rate", 0.01, "seed", 3);
        long start = System.nanoTime();
        NtmState state = new SyncRounds<>(ntm, 2, 8).train(corpus.schema(), ntm.init(corpus.schema()),
                corpus.splits(4, 64), ntm.schedule().epochs());
        double seconds = (System.nanoTime() - start) / 1e9;
        NtmModel model = ntm.finalize(state);
        Evaluator evaluator = ntm.evaluator(model);
        for (Batch b : test.batches(0, 500, 100)) evaluator.add(b);
        Metrics m = evaluator.result();
        StringBuilder report = new StringBuilder(String.format("trained in %.2f s, %s, oracle perplexity %.1f, "
                + "epochs done %d, stopped %b, last loss %.2f%n", seconds, m.values(), test.oraclePerplexity(),
                state.epochsDone(), state.stopped(), state.lastEpochLoss()));
        int worst = 10;
        for (int k = 0; k < 5; k++) {
            int[] truth = corpus.topWords(k, 10);
            int best = 0;
            for (int t = 0; t < 5; t++) {
                int[] learned = model.topWords(t, 10).stream().mapToInt(TopicWord::word).toArray();
                best = Math.max(best, NtmTesting.overlap(truth, learned));
            }
            worst = Math.min(worst, best);
            report.append("true topic ").append(k).append(": best top-10 overlap ").append(best).append('\n');
        }
        for (Topic t : model.topics()) report.append(t.words().stream().map(TopicWord::word).toList()).append('\n');
        String text = report.toString();
        assertTrue(worst >= 8, text);
        assertTrue(m.get("perplexity") < 0.6 * 100, text);
        assertTrue(m.get("npmi") > 0.2, text);
        assertTrue(m.get("topic_diversity") > 0.5, text);
    }
}
