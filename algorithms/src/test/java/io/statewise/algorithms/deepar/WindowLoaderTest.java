package io.statewise.algorithms.deepar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.Series;
import io.statewise.algorithms.data.SeriesBatch;
import io.statewise.algorithms.nn.GaussianSampler;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * Where training windows end (uniform over the positions a whole window fits, or weighted towards the end) and where
 * dropout acts (between stacked layers only).
 */
class WindowLoaderTest {

    private static final int DRAWS = 200_000;
    /** Frequencies of {@link #DRAWS} draws are within a few standard errors (~0.001) of their probabilities. */
    private static final double FREQUENCY_TOLERANCE = 0.006;

    @Test
    void aSeriesNoLongerThanAWindowEndsAtItsEnd() {
        assertEquals(30, WindowLoader.drawEnd(30, 54, 0, 0.7));
        assertEquals(54, WindowLoader.drawEnd(54, 54, 12, 0.7));
    }

    @Test
    void aSeriesShorterThanAWindowTakesNoDrawSoTrainingReplaysEarlierVersions() {
        DeepAr deepar = DeepArTesting.deepar(DeepArTesting.small()); // windows of 12 + 6 steps
        DeepArNetwork network = deepar.config().shape().network();
        SeriesBatch batch = SeriesBatch.of(series("short", 10), series("long", 40), series("longer", 60));
        DeepArWorkspace ws = new DeepArWorkspace(network);
        new WindowLoader(network).training(network.initialParameters(1), batch, ws, new GaussianSampler(5), 0, 0);
        GaussianSampler random = new GaussianSampler(5);
        assertEquals(10, ws.ends[0]);
        assertEquals(18 + (int) (random.nextDouble() * 23), ws.ends[1], "the first draw is the second series'");
        assertEquals(18 + (int) (random.nextDouble() * 43), ws.ends[2]);
    }

    @Test
    void dropoutActsBetweenStackedLayersNotOnTheLastLayersOutputs() {
        DeepArNetwork network = DeepArTesting.deepar(DeepArTesting.small("num_layers", 3, "dropout_rate", 0.5))
                .config().shape().network();
        SeriesBatch batch = SeriesBatch.of(series("a", 40), series("b", 60));
        DeepArWorkspace ws = new DeepArWorkspace(network);
        new WindowLoader(network).training(network.initialParameters(1), batch, ws, new GaussianSampler(5), 0, 0.5);
        assertNotNull(ws.masks[0]);
        assertNotNull(ws.masks[1]);
        assertNull(ws.masks[2], "the likelihood's parameters see the last layer's outputs undropped");
        int values = ws.windows * ws.steps * 8;
        int zeros = 0;
        for (int r = 0; r < values; r++) zeros += ws.masks[0][r] == 0 ? 1 : 0;
        assertTrue(zeros > 0.4 * values && zeros < 0.6 * values, "zeros " + zeros + " of " + values);
    }

    @Test
    void oneLayerTrainsWithoutDropoutWhateverTheRate() {
        DeepArNetwork network = DeepArTesting.deepar(DeepArTesting.small("dropout_rate", 0.5)).config().shape()
                .network();
        SeriesBatch batch = SeriesBatch.of(series("a", 40), series("b", 60));
        float[] params = network.initialParameters(1);
        DeepArObjective objective = new DeepArObjective(network);
        DeepArWorkspace dropped = new DeepArWorkspace(network);
        new WindowLoader(network).training(params, batch, dropped, new GaussianSampler(5), 0, 0.5);
        double loss = objective.lossAndGradient(params, dropped, 0);
        DeepArWorkspace plain = new DeepArWorkspace(network);
        new WindowLoader(network).training(params, batch, plain, new GaussianSampler(5), 0, 0);
        assertArrayEquals(plain.ends, dropped.ends, "the same windows");
        assertEquals(objective.lossAndGradient(params, plain, 0), loss, 0);
        assertArrayEquals(plain.gradient, dropped.gradient, 0f);
    }

    private static Series series(String id, int length) {
        float[] target = new float[length];
        for (int t = 0; t < length; t++) target[t] = 10 + t % 12;
        return new Series(id, LocalDateTime.of(2000, 1, 1, 0, 0), target);
    }

    @Test
    void uniformEndsCoverEveryPositionWhereAWindowFits() {
        double[] frequency = frequencies(100, 54, 0);
        for (int end = 54; end <= 100; end++) {
            assertEquals(1.0 / 47, frequency[end], FREQUENCY_TOLERANCE, "end " + end);
        }
        assertEquals(54, WindowLoader.drawEnd(100, 54, 0, 0.0));
        assertEquals(100, WindowLoader.drawEnd(100, 54, 0, Math.nextDown(1.0)));
    }

    @Test
    void aHalfLifeHalvesTheChanceOfAnEndThatManyStepsEarlier() {
        double halfLife = 5;
        double[] frequency = frequencies(100, 54, halfLife);
        // P(end = len - d) = 2^(-d / h) (1 - 2^(-1 / h)) / (1 - 2^(-positions / h))
        double norm = (1 - Math.pow(2, -1 / halfLife)) / (1 - Math.pow(2, -47 / halfLife));
        for (int d = 0; d <= 46; d++) {
            assertEquals(Math.pow(2, -d / halfLife) * norm, frequency[100 - d], FREQUENCY_TOLERANCE, "d " + d);
        }
        assertEquals(100, WindowLoader.drawEnd(100, 54, halfLife, 0.0));
        assertTrue(WindowLoader.drawEnd(100, 54, halfLife, Math.nextDown(1.0)) >= 54, "never before a whole window");
    }

    private static double[] frequencies(int len, int length, double halfLife) {
        GaussianSampler random = new GaussianSampler(11);
        double[] frequency = new double[len + 1];
        for (int i = 0; i < DRAWS; i++) {
            int end = WindowLoader.drawEnd(len, length, halfLife, random.nextDouble());
            assertTrue(end >= length && end <= len, "end " + end);
            frequency[end] += 1.0 / DRAWS;
        }
        return frequency;
    }
}
