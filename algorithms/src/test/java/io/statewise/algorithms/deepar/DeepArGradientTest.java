package io.statewise.algorithms.deepar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.Series;
import io.statewise.algorithms.data.SeriesBatch;
import io.statewise.algorithms.nn.GaussianSampler;
import io.statewise.algorithms.nn.GradientCheck;
import io.statewise.algorithms.nn.ParameterSlice;
import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole DeepAR loss (embeddings, two LSTM layers with dropout, head, likelihood, missing values, windows reaching
 * before a series' start) against finite differences of every parameter slice.
 */
class DeepArGradientTest {

    private static final GradientCheck CHECK = GradientCheck.standard();

    @ParameterizedTest
    @ValueSource(strings = {"student-t", "gaussian", "negative-binomial"})
    void wholeLossGradientMatchesFiniteDifferences(String likelihood) {
        DeepAr deepar = DeepArTesting.deepar(DeepArTesting.small("num_layers", 2, "num_cells", 4, "context_length", 5,
                "prediction_length", 3, "cardinality", "[3, 2]", "num_dynamic_feat", "1", "embedding_dimension", 2,
                "dropout_rate", 0.3, "likelihood", likelihood));
        DeepArNetwork network = deepar.config().shape().network();
        Random r = new Random(7);
        SeriesBatch batch = new SeriesBatch(4);
        for (int i = 0; i < 4; i++) {
            int length = 6 + 5 * i; // the first is shorter than a window
            float[] target = new float[length];
            float[] dynamic = new float[length];
            for (int t = 0; t < length; t++) {
                target[t] = (float) Math.rint(20 + 10 * Math.sin(t) + 3 * r.nextGaussian());
                dynamic[t] = (float) r.nextGaussian();
            }
            target[length / 2] = Float.NaN;
            batch.add(new Series("s" + i, LocalDateTime.of(2001, 1 + i, 1, 0, 0), target, new int[] {i % 3, i % 2},
                    new float[][] {dynamic}), "test:" + i);
        }
        float[] params = network.initialParameters(9);
        for (int i = 0; i < params.length; i++) params[i] += (float) (0.2 * r.nextGaussian());
        DeepArWorkspace ws = new DeepArWorkspace(network);
        WindowLoader loader = new WindowLoader(network);
        loader.training(params, batch, ws, new GaussianSampler(4), 0, 0.3);
        DeepArObjective objective = new DeepArObjective(network);
        int count = DeepArObjective.scoredRows(ws, 0);
        assertTrue(count > 20, "scored rows " + count);
        objective.lossAndGradient(params, ws, 0);
        float[] grad = ws.gradient.clone();
        GradientCheck.Objective f = () -> {
            loader.load(params, batch, ws); // embeddings are read from the parameters: reload them
            objective.forward(params, ws);
            return objective.loss(ws, 0, false) / count;
        };
        int seed = 0;
        for (ParameterSlice slice : network.layout.slices()) {
            CHECK.check(likelihood + " " + slice.name(), f, params, grad, slice.offset(), slice.end(), seed++);
        }
    }
}
