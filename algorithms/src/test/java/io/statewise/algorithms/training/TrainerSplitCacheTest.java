package io.statewise.algorithms.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Model;
import io.statewise.algorithms.State;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.LibSvmFormat;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.SplitCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training through a {@link SplitCache} gives the same states, counts and models as parsing every epoch. */
class TrainerSplitCacheTest {

    private static final Map<String, String> PARAMS = Map.of("k", "3", "mini_batch_size", "64", "seed", "6",
            "epochs", "3");

    @TempDir
    Path dir;

    private Path write(String name, boolean sparse) throws IOException {
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 3000; r++) {
            if (r % 97 == 5) {
                text.append(sparse ? "0 2:zz\n" : "0,zz\n");
                continue;
            }
            text.append('0');
            for (int j = 0; j < 5; j++) {
                float v = random.nextInt(3) == 0 ? 0 : (float) (random.nextGaussian() + (r % 3) * 4);
                if (!sparse) text.append(',').append(v);
                else if (v != 0) text.append(' ').append(j + 1).append(':').append(v);
            }
            text.append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private record Run(Model model, long records, long bad) {}

    private static Run trainAll(Trainer trainer, List<Split> splits, DataFormat format) {
        DataSchema schema = format.schema(5);
        State base = trainer.emptyState(schema);
        long records = 0;
        long bad = 0;
        for (int epoch = 1; epoch <= trainer.schedule().epochs(); epoch++) {
            State merged = null;
            for (Split split : splits) {
                SplitOutcome out = trainer.trainSplit(base, split, format, schema, 31L * epoch + split.id(), 100,
                        new AtomicLong(), () -> false);
                records += out.records();
                bad += out.badRecords();
                merged = merged == null ? out.partial() : trainer.merge(merged, out.partial());
            }
            base = trainer.completeEpoch(base, merged);
        }
        return new Run(trainer.finalizeModel(base), records, bad);
    }

    @Test
    void cachedEpochsTrainTheSameModel() throws IOException {
        for (DataFormat format : List.of(CsvFormat.defaults(), LibSvmFormat.defaults())) {
            Path file = write(format.sparse() ? "d.svm" : "d.csv", format.sparse());
            List<Split> splits = format.plan(List.of(file), Files.size(file) / 4);
            Trainer plain = Trainer.create("kmeans", PARAMS);
            SplitCache cache = new SplitCache(dir.resolve("cache-" + format.sparse()), 1 << 30);
            Trainer cached = plain.withSplitCache(cache);
            Run expected = trainAll(plain, splits, format);
            Run actual = trainAll(cached, splits, format);
            assertTrue(expected.bad() > 0);
            assertEquals(expected, actual);
            assertEquals(splits.size(), cache.stats().writes());
            assertEquals(2L * splits.size(), cache.stats().hits());
            DataSchema schema = format.schema(5);
            assertEquals(plain.evaluate(expected.model(), splits, format, schema, 100),
                    cached.evaluate(expected.model(), splits, format, schema, 100));
        }
    }

    @Test
    void aResumedSessionSkipsTheSameBatchesFromTheCache() throws IOException {
        Path file = write("s.csv", false);
        CsvFormat format = CsvFormat.defaults();
        DataSchema schema = format.schema(5);
        Split split = new Split(0, file.toString(), 0, Files.size(file), false);
        Trainer plain = Trainer.create("kmeans", PARAMS);
        Trainer cached = plain.withSplitCache(new SplitCache(dir.resolve("cache"), 1 << 30));
        State base = plain.emptyState(schema);
        try (SplitSession warm = cached.open(split, format, schema, 100)) {
            assertTrue(warm.train(base, 1, 0, new AtomicLong(), () -> false).finished());
        }
        for (int skip : new int[] {0, 3, 17}) {
            try (SplitSession parsing = plain.open(split, format, schema, 100);
                 SplitSession replay = cached.open(split, format, schema, 100)) {
                parsing.skipBatches(skip);
                replay.skipBatches(skip);
                for (int segment = 0; segment < 3; segment++) {
                    SplitSession.Segment a = parsing.train(base, segment, 5, new AtomicLong(), () -> false);
                    SplitSession.Segment b = replay.train(base, segment, 5, new AtomicLong(), () -> false);
                    assertEquals(a.records(), b.records());
                    assertEquals(a.badRecords(), b.badRecords());
                    assertEquals(a.finished(), b.finished());
                    assertArrayEquals(plain.encodeState(a.partial()), plain.encodeState(b.partial()));
                }
            }
        }
    }
}
