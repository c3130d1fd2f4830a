package io.statewise.algorithms.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.State;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.SeriesCsvFormat;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.linear.PackedScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A validation or evaluation pass split into one task per split adds up to one pass over all of them. */
class TrainerParallelScoringTest {

    @TempDir
    Path dir;

    @Test
    void scoresSplitsInParallelAsOnePassWould() throws Exception {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 4000; r++) {
            double x = random.nextGaussian();
            double y = random.nextGaussian();
            text.append(x + y + 0.3 * random.nextGaussian() > 0 ? 1 : 0).append(',').append(x).append(',').append(y)
                    .append('\n');
        }
        Path file = dir.resolve("d.csv");
        Files.writeString(file, text);
        CsvFormat format = new CsvFormat(false, 0, (byte) ',');
        DataSchema schema = format.schema(2);
        List<Split> splits = format.plan(List.of(file), Files.size(file) / 6);
        assertTrue(splits.size() >= 6, "splits: " + splits.size());
        Trainer trainer = Trainer.create("linear-learner", Map.of("predictor_type", "binary_classifier",
                "epochs", "2", "mini_batch_size", "100", "num_models", "4", "seed", "3"));
        State state = SplitEpochs.train(trainer, splits, format, schema);

        PackedScores serial = (PackedScores) trainer.scoreCandidates(state, splits, format, schema, 0).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Optional<SelectionScores> first = trainer.scoreCandidates(state, splits, format, schema, 0, pool)
                    .get(30, TimeUnit.SECONDS);
            PackedScores parallel = (PackedScores) first.orElseThrow();
            assertEquals(serial.models(), parallel.models());
            for (int m = 0; m < serial.models(); m++) {
                assertEquals(serial.lossWeight(m), parallel.lossWeight(m), "model " + m + ": every record once");
                assertEquals(serial.meanLoss(m), parallel.meanLoss(m), 1e-12, "model " + m);
                for (int b = 0; b < serial.bins(); b++) {
                    assertEquals(serial.positives(m, b), parallel.positives(m, b));
                    assertEquals(serial.negatives(m, b), parallel.negatives(m, b));
                }
            }
            for (int run = 0; run < 3; run++) {
                PackedScores again = (PackedScores) trainer.scoreCandidates(state, splits, format, schema, 0, pool)
                        .get(30, TimeUnit.SECONDS).orElseThrow();
                for (int m = 0; m < serial.models(); m++) {
                    assertEquals(parallel.meanLoss(m), again.meanLoss(m), 0.0, "added in split order: same bits");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void evaluatesSplitsInParallelAsOnePassWould() throws Exception {
        Random random = new Random(9);
        StringBuilder text = new StringBuilder("series,timestamp,value\n");
        for (int series = 0; series < 40; series++) {
            double level = 10 + 90 * random.nextDouble();
            for (int t = 0; t < 48; t++) {
                double value = level * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12)) + random.nextGaussian();
                text.append('s').append(series).append(',').append(2000 + t / 12).append('-')
                        .append(String.format("%02d", t % 12 + 1)).append("-01,").append(value).append('\n');
            }
        }
        Path file = dir.resolve("series.csv");
        Files.writeString(file, text);
        SeriesCsvFormat format = new SeriesCsvFormat();
        DataSchema schema = DataSchema.SERIES;
        List<Split> splits = format.plan(List.of(file), Files.size(file) / 5);
        assertTrue(splits.size() >= 4, "splits: " + splits.size());
        Trainer trainer = Trainer.create("deepar", Map.of("time_freq", "M", "context_length", "12",
                "prediction_length", "6", "epochs", "1", "num_layers", "1", "num_cells", "8", "mini_batch_size", "8",
                "num_eval_samples", "20", "seed", "3"));
        Model model = trainer.finalizeModel(SplitEpochs.train(trainer, splits, format, schema));

        Metrics serial = trainer.evaluate(model, splits, format, schema, 0);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Metrics parallel = trainer.evaluate(model, splits, format, schema, 0, pool).get(60, TimeUnit.SECONDS);
            assertEquals(40.0, parallel.get("series"), "every series once");
            assertEquals(serial.values().keySet(), parallel.values().keySet());
            for (String name : serial.values().keySet()) {
                assertEquals(serial.get(name), parallel.get(name), 1e-9 * Math.abs(serial.get(name)), name);
            }
            Metrics again = trainer.evaluate(model, splits, format, schema, 0, pool).get(60, TimeUnit.SECONDS);
            assertEquals(parallel.values(), again.values(), "added in split order: the same bits");
        } finally {
            pool.shutdownNow();
        }
    }
}
