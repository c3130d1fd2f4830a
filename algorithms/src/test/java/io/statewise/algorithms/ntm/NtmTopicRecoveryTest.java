package io.statewise.algorithms.ntm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Evaluator;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.training.SyncRounds;
import org.junit.jupiter.api.Test;

/**
 * The known answer: a corpus drawn from LDA with K = 5 sparse topics over V = 100 words (3000 training documents of
 * 40 to 100 words, Dirichlet(0.2) mixtures; 500 held-out documents). The model, trained by two workers that average
 * their parameters every 8 mini-batches, recovers every topic (some learned topic has at least 8 of its 10 top
 * words), and its held-out perplexity falls far below a uniform model's V = 100, close to the oracle's (the true
 * topics with each document's true mixture: 29.2). Measured: with the defaults every true topic matched 10 of 10,
 * perplexity 34.1, NPMI 0.49; with batch norm, adam and tanh 9 or 10 of 10, perplexity 32.7, NPMI 0.45.
 */
class NtmTopicRecoveryTest {

    private static final NtmTesting.Corpus TRAIN = NtmTesting.lda(5, 100, 10, 3000, 0.2, 40, 100, 11);
    private static final NtmTesting.Corpus TEST = NtmTesting.lda(5, 100, 10, 500, 0.2, 40, 100, 12);

    private static void assertRecovers(Ntm ntm) {
        NtmState state = new SyncRounds<>(ntm, 2, ntm.config().syncEveryBatches()).train(TRAIN.schema(),
                ntm.init(TRAIN.schema()), TRAIN.splits(4, ntm.config().miniBatchSize()), ntm.schedule().epochs());
        NtmModel model = ntm.finalize(state);
        Evaluator evaluator = ntm.evaluator(model);
        for (Batch b : TEST.batches(0, 500, 100)) evaluator.add(b);
        Metrics m = evaluator.result();
        StringBuilder report = new StringBuilder(ntm + ": " + m.values() + ", oracle perplexity "
                + TEST.oraclePerplexity() + ", epochs done " + state.epochsDone() + "\n");
        int worst = 10;
        for (int k = 0; k < 5; k++) {
            int[] truth = TRAIN.topWords(k, 10);
            int best = 0;
            for (int t = 0; t < 5; t++) {
                int[] learned = model.topWords(t, 10).stream().mapToInt(TopicWord::word).toArray();
                best = Math.max(best, NtmTesting.overlap(truth, learned));
            }
            worst = Math.min(worst, best);
            report.append("true topic ").append(k).append(": best top-10 overlap ").append(best).append('\n');
        }
        String text = report.toString();
        assertTrue(worst >= 8, text);
        assertTrue(m.get("perplexity") < 0.5 * 100, text);
        assertTrue(m.get("perplexity") < 1.4 * TEST.oraclePerplexity(), text);
        assertTrue(m.get("npmi") > 0.2, text);
        assertTrue(m.get("topic_diversity") > 0.5, text);
    }

    @Test
    void recoversLdaTopicsWithTheDefaults() {
        // adadelta, sigmoid encoder [15, 10], no batch norm; fewer epochs than the default 50 to keep the test fast
        assertRecovers(NtmTesting.ntm("num_topics", 5, "feature_dim", 100, "epochs", 25, "mini_batch_size", 64,
                "seed", 3));
    }

    @Test
    void recoversLdaTopicsWithBatchNormAdamAndTanh() {
        assertRecovers(NtmTesting.ntm("num_topics", 5, "feature_dim", 100, "epochs", 15, "mini_batch_size", 64,
                "optimizer", "adam", "learning_rate", 0.01, "batch_norm", true, "encoder_layers_activation", "tanh",
                "seed", 4));
    }
}
