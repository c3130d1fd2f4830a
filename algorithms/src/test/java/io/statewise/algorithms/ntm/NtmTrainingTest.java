package io.statewise.algorithms.ntm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.training.SyncRounds;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parameter-server step, determinism under a seed, early stopping and sub-sampling. */
class NtmTrainingTest {

    private static final NtmTesting.Corpus CORPUS = NtmTesting.lda(3, 30, 10, 400, 0.3, 10, 40, 21);

    private static NtmState train(Ntm ntm, int workers, int epochs) {
        return new SyncRounds<>(ntm, workers, ntm.config().syncEveryBatches()).train(CORPUS.schema(),
                ntm.init(CORPUS.schema()), CORPUS.splits(4, 25), epochs);
    }

    @Test
    void applyingOnePartialGivesItsParametersBitForBit() {
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "feature_dim", 30, "optimizer", "adam", "learning_rate", 0.05);
        NtmState global = train(ntm, 1, 1);
        NtmState partial = ntm.startPartial(global, 5);
        for (Batch b : CORPUS.batches(0, 100, 25)) ntm.update(partial, b);
        NtmState applied = ntm.completeEpoch(global, partial);
        assertArrayEquals(partial.parameters(), applied.parameters());
        assertEquals(global.steps() + 4, applied.steps());
        assertEquals(global.records() + 100, applied.records());
        assertEquals(NtmState.Kind.GLOBAL, applied.kind());
    }

    @Test
    void aSeedFixesTheModelAndAnotherSeedChangesIt() {
        Ntm a = NtmTesting.ntm("num_topics", 3, "feature_dim", 30, "seed", 7, "sub_sample", 0.8);
        Ntm b = NtmTesting.ntm("num_topics", 3, "feature_dim", 30, "seed", 8, "sub_sample", 0.8);
        byte[] first = a.modelCodec().encode(a.finalize(train(a, 2, 2)));
        byte[] again = a.modelCodec().encode(a.finalize(train(a, 2, 2)));
        byte[] other = b.modelCodec().encode(b.finalize(train(b, 2, 2)));
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other));
    }

    @Test
    void trainingStopsWhenTheLossStopsImproving() {
        // a tolerance of 100% counts no epoch as an improvement after the first
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "feature_dim", 30, "tolerance", 1.0, "num_patience_epochs", 2);
        NtmState global = train(ntm, 1, 2);
        assertFalse(global.stopped());
        global = train(ntm, 1, 3);
        assertTrue(global.stopped());
        assertEquals(3, global.epochsDone());
        assertTrue(Double.isFinite(global.lastEpochLoss()));
        NtmState partial = ntm.startPartial(global, 1);
        assertFalse(ntm.wantsMore(partial));
        NtmState after = new SyncRounds<>(ntm, 1, 8).epoch(CORPUS.schema(), global, CORPUS.splits(2, 25));
        assertEquals(global.records(), after.records(), "a stopped job reads no more records");
    }

    @Test
    void subSampleTrainsOnTheGivenFraction() {
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "feature_dim", 30, "sub_sample", 0.3);
        NtmState global = train(ntm, 2, 2);
        long seen = global.documents() + global.sampledOut();
        assertEquals(800, seen + global.emptyDocuments());
        assertEquals(0.3, global.documents() / (double) seen, 0.05);
    }

    @Test
    void partialsOfAStaleBaseStillAddTheirChange() {
        Ntm ntm = NtmTesting.ntm("num_topics", 3, "feature_dim", 30, "optimizer", "sgd", "learning_rate", 0.01);
        NtmState global = ntm.init(CORPUS.schema());
        List<Batch> batches = CORPUS.batches(0, 100, 25);
        NtmState early = ntm.startPartial(global, 1);
        ntm.update(early, batches.get(0));
        NtmState late = ntm.startPartial(global, 2);
        ntm.update(late, batches.get(1));
        NtmState once = ntm.completeEpoch(global, early);
        NtmState twice = ntm.completeEpoch(once, late);
        float[] g = global.parameters();
        float[] e = early.parameters();
        float[] l = late.parameters();
        float[] t = twice.parameters();
        for (int i = 0; i < g.length; i++) {
            assertEquals((double) g[i] + (e[i] - g[i]) + (l[i] - g[i]), t[i], 1e-6);
        }
    }
}
