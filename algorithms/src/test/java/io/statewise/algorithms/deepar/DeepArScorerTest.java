package io.statewise.algorithms.deepar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.Series;
import io.statewise.algorithms.data.SeriesBatch;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation scores the prediction parts of each series' last back-to-back windows, the same ones every time. */
class DeepArScorerTest {

    private static final LocalDateTime START = LocalDateTime.of(2000, 1, 1, 0, 0);

    private static Series series(String id, int length) {
        float[] t = new float[length];
        for (int i = 0; i < length; i++) t[i] = 10 + (float) Math.sin(i * Math.PI / 6) + 0.1f * i;
        return new Series(id, START, t);
    }

    @Test
    void scoresTheLastWindowsThatTrainingCouldDraw() {
        DeepAr deepar = DeepArTesting.deepar(DeepArTesting.small()); // context 12, horizon 6
        DeepArState state = deepar.init(DataSchema.SERIES);
        SeriesBatch batch = (SeriesBatch) DeepArTesting.batches(List.of(series("long", 40), series("short", 10)), 4)
                .get(0);
        DeepArScorer scorer = (DeepArScorer) deepar.selectionScorer(state).orElseThrow();
        scorer.add(batch);
        DeepArScores scores = scorer.result();
        // long (40 values, windows of 18): every window scores 6 values; short (10 values): only its last window
        assertEquals(DeepArScorer.WINDOWS * 6 + 6, scores.observations());
        assertTrue(Double.isFinite(scores.meanLoss()));

        DeepArScorer again = (DeepArScorer) deepar.selectionScorer(state).orElseThrow();
        again.add(batch);
        assertEquals(scores.meanLoss(), again.result().meanLoss(), "fixed windows: the same score every time");
    }
}
