package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitCacheTest {

    private static final int DIM = 6;
    private static final int CAPACITY = 7;
    private static final long MAX_BAD = 50;

    @TempDir
    Path dir;

    /** What a reader delivered: every batch's bits and the counts after it, then the final counts. */
    private record Read(List<String> batches, long records, long bad, String firstError) {}

    private static Read readAll(SplitReader reader, Batch batch) {
        List<String> batches = new ArrayList<>();
        while (reader.next(batch)) batches.add(bits(batch) + "|" + reader.records() + "/" + reader.badRecords()
                + "|" + reader.firstBadRecordError().map(Throwable::getMessage).orElse("-"));
        assertEquals(0, batch.size());
        return new Read(batches, reader.records(), reader.badRecords(),
                reader.firstBadRecordError().map(Throwable::getMessage).orElse("-"));
    }

    private static String bits(Batch batch) {
        StringBuilder b = new StringBuilder().append(batch.size()).append(':');
        for (int i = 0; i < batch.size(); i++) b.append(Integer.toHexString(Float.floatToRawIntBits(batch.labels()[i])))
                .append(',');
        if (batch instanceof DenseBatch d) {
            for (int i = 0; i < d.size() * d.dimension(); i++) {
                b.append(Integer.toHexString(Float.floatToRawIntBits(d.features()[i]))).append(',');
            }
        } else {
            SparseBatch s = (SparseBatch) batch;
            for (int i = 0; i <= s.size(); i++) b.append(s.rowStart()[i]).append(';');
            for (int k = 0; k < s.nonZeros(); k++) {
                b.append(s.indices()[k]).append('=').append(Integer.toHexString(Float.floatToRawIntBits(s.values()[k])))
                        .append(',');
            }
        }
        return b.toString();
    }

    private Path denseFile(String name, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(40) == 0) {
                text.append("1,2,oops\n"); // bad record: wrong column count / not a number
                continue;
            }
            text.append(random.nextInt(2));
            for (int j = 0; j < DIM; j++) text.append(',').append(random.nextFloat() * 10 - 5);
            text.append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path sparseFile(String name, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(40) == 0) {
                text.append("1 3:x\n"); // bad record
                continue;
            }
            text.append(random.nextInt(2));
            for (int j = 1; j <= DIM; j++) {
                if (random.nextInt(3) == 0) text.append(' ').append(j).append(':').append(random.nextInt(100) / 7f);
            }
            text.append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Split whole(Path file) throws IOException {
        return new Split(0, file.toString(), 0, Files.size(file), false);
    }

    /** A cache in {@code dir/cache} of at most 1 GiB. */
    private SplitCache roomyCache() {
        return new SplitCache(dir.resolve("cache"), 1 << 30);
    }

    private Read parse(DataFormat format, Split split) {
        DataSchema schema = format.schema(DIM);
        try (SplitReader reader = format.open(split, schema, MAX_BAD)) {
            return readAll(reader, format.newBatch(CAPACITY, schema));
        }
    }

    private static Read cached(SplitCache cache, DataFormat format, Split split) {
        DataSchema schema = format.schema(DIM);
        try (SplitReader reader = cache.open(format, split, schema, MAX_BAD, CAPACITY)) {
            return readAll(reader, format.newBatch(CAPACITY, schema));
        }
    }

    private List<Path> cacheFiles(Path cacheDir) throws IOException {
        if (!Files.isDirectory(cacheDir)) return List.of();
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.sorted().toList();
        }
    }

    private void assertReplayEqualsParsing(DataFormat format, Path file) throws IOException {
        SplitCache cache = roomyCache();
        List<Split> splits = format.plan(List.of(file), Files.size(file) / 3);
        assertTrue(splits.size() >= 2, "several splits");
        long bad = 0;
        for (Split split : splits) {
            Read parsed = parse(format, split);
            bad += parsed.bad();
            assertEquals(parsed, cached(cache, format, split), "first read, teed");
            assertEquals(parsed, cached(cache, format, split), "replay");
            assertEquals(parsed, cached(cache, format, split), "replay again");
        }
        assertTrue(bad > 0, "the data has bad records");
        assertEquals(new SplitCache.Stats(2L * splits.size(), splits.size(), 0, 0), cache.stats());
        assertEquals(splits.size(), cacheFiles(dir.resolve("cache")).size());
    }

    @Test
    void denseReplayIsIdenticalToParsing() throws IOException {
        assertReplayEqualsParsing(CsvFormat.defaults(), denseFile("dense.csv", 2000, 1));
    }

    @Test
    void sparseReplayIsIdenticalToParsing() throws IOException {
        assertReplayEqualsParsing(LibSvmFormat.defaults(), sparseFile("sparse.svm", 2000, 2));
    }

    @Test
    void replayKeepsBatchBoundariesForSkipping() throws IOException {
        Path file = denseFile("skip.csv", 500, 3);
        CsvFormat format = CsvFormat.defaults();
        Split split = whole(file);
        SplitCache cache = roomyCache();
        cached(cache, format, split);
        DataSchema schema = format.schema(DIM);
        List<String> expected = parse(format, split).batches();
        try (SplitReader reader = cache.open(format, split, schema, MAX_BAD, CAPACITY)) {
            assertInstanceOf(CachedSplitReader.class, reader);
            Batch batch = format.newBatch(CAPACITY, schema);
            for (int i = 0; i < 10; i++) assertTrue(reader.next(batch));
            assertTrue(reader.next(batch));
            assertEquals(expected.get(10), bits(batch) + "|" + reader.records() + "/" + reader.badRecords() + "|"
                    + reader.firstBadRecordError().map(Throwable::getMessage).orElse("-"));
        }
    }

    @Test
    void anAbandonedReadLeavesNoCacheFile() throws IOException {
        Path file = denseFile("abandon.csv", 500, 4);
        CsvFormat format = CsvFormat.defaults();
        Split split = whole(file);
        Path cacheDir = dir.resolve("cache");
        SplitCache cache = new SplitCache(cacheDir, 1 << 30);
        DataSchema schema = format.schema(DIM);
        try (SplitReader reader = cache.open(format, split, schema, MAX_BAD, CAPACITY)) {
            Batch batch = format.newBatch(CAPACITY, schema);
            assertTrue(reader.next(batch));
            assertTrue(reader.next(batch));
        }
        assertEquals(List.of(), cacheFiles(cacheDir));
        assertEquals(0, cache.stats().writes());
        // a failing read (bad records beyond the tolerance) leaves none either
        try (SplitReader reader = cache.open(format, split, schema, 0, CAPACITY)) {
            Batch batch = format.newBatch(CAPACITY, schema);
            assertThrows(DataFormatException.class, () -> {
                while (reader.next(batch)) {
                    // read on
                }
            });
        }
        assertEquals(List.of(), cacheFiles(cacheDir));
        assertEquals(0, cache.stats().writes());
    }

    @Test
    void aCachedSplitWithMoreBadRecordsThanAllowedFailsAsParsing() throws IOException {
        Path file = denseFile("strict.csv", 500, 5);
        CsvFormat format = CsvFormat.defaults();
        Split split = whole(file);
        SplitCache cache = roomyCache();
        assertTrue(cached(cache, format, split).bad() > 0);
        DataSchema schema = format.schema(DIM);
        try (SplitReader reader = cache.open(format, split, schema, 0, CAPACITY)) {
            assertFalse(reader instanceof CachedSplitReader);
            Batch batch = format.newBatch(CAPACITY, schema);
            assertThrows(DataFormatException.class, () -> {
                while (reader.next(batch)) {
                    // read on
                }
            });
        }
    }

    @Test
    void aChangedSourceFileInvalidates() throws IOException {
        Path file = denseFile("change.csv", 300, 6);
        CsvFormat format = CsvFormat.defaults();
        SplitCache cache = roomyCache();
        Split before = whole(file);
        cached(cache, format, before);
        FileTime mtime = Files.getLastModifiedTime(file);

        // same size, same range, other content and mtime
        String text = Files.readString(file).replaceFirst("^[01]", "7");
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime.toMillis() + 5_000));
        Read parsed = parse(format, before);
        assertEquals(parsed, cached(cache, format, before));
        assertEquals(0, cache.stats().hits());

        // appended rows: another size
        Files.writeString(file, text + "1,1,1,1,1,1,1\n");
        Files.setLastModifiedTime(file, mtime);
        assertEquals(parse(format, before), cached(cache, format, before));
        assertEquals(0, cache.stats().hits());
        assertEquals(parse(format, before), cached(cache, format, before));
        assertEquals(1, cache.stats().hits());
    }

    @Test
    void aCorruptCacheFileFallsBackToParsing() throws IOException {
        for (DataFormat format : List.of(CsvFormat.defaults(), LibSvmFormat.defaults())) {
            Path file = format.sparse() ? sparseFile("c.svm", 800, 7) : denseFile("c.csv", 800, 7);
            Split split = whole(file);
            Read parsed = parse(format, split);
            Path cacheDir = dir.resolve("cache-" + format.sparse());
            Random random = new Random(8);
            for (String damage : List.of("flip", "truncate", "header", "footer")) {
                SplitCache cache = new SplitCache(cacheDir, 1 << 30);
                assertEquals(parsed, cached(cache, format, split));
                List<Path> files = cacheFiles(cacheDir);
                assertEquals(1, files.size());
                byte[] bytes = Files.readAllBytes(files.get(0));
                switch (damage) {
                    case "flip" -> {
                        int at = bytes.length / 2 + random.nextInt(bytes.length / 4);
                        bytes[at] ^= 0x10;
                    }
                    case "truncate" -> bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3);
                    case "header" -> bytes[1] ^= 1;
                    default -> bytes[bytes.length - 2] ^= 1;
                }
                Files.write(files.get(0), bytes);
                assertEquals(parsed, cached(cache, format, split), damage);
                assertEquals(1, cache.stats().discarded(), damage);
                // parsed again and cached again by the next complete read
                assertEquals(parsed, cached(cache, format, split), damage);
                assertEquals(1, cacheFiles(cacheDir).size());
                assertNotEquals(0, Files.size(cacheFiles(cacheDir).get(0)));
                long hits = cache.stats().hits();
                assertEquals(parsed, cached(cache, format, split), damage);
                assertEquals(hits + 1, cache.stats().hits(), damage);
                assertEquals(1, cache.stats().discarded(), damage);
            }
        }
    }

    private static long total(List<Path> files) throws IOException {
        long sum = 0;
        for (Path p : files) sum += Files.size(p);
        return sum;
    }

    @Test
    void theSizeBoundHolds() throws IOException {
        Path file = denseFile("bound.csv", 3000, 9);
        CsvFormat format = CsvFormat.defaults();
        List<Split> splits = format.plan(List.of(file), Files.size(file) / 4);
        assertTrue(splits.size() >= 4);
        // the size of one split's cache file
        Path probe = dir.resolve("probe");
        cached(new SplitCache(probe, 1 << 30), format, splits.get(0));
        long one = total(cacheFiles(probe));
        long max = one * 5 / 2;

        Path pinned = dir.resolve("pinned");
        SplitCache noEviction = new SplitCache(pinned, max);
        for (int epoch = 0; epoch < 3; epoch++) {
            for (Split split : splits) {
                assertEquals(parse(format, split), cached(noEviction, format, split));
                assertTrue(total(cacheFiles(pinned)) <= max);
            }
        }
        assertEquals(2, cacheFiles(pinned).size());
        assertEquals(2 * 2, noEviction.stats().hits());

        Path lru = dir.resolve("lru");
        SplitCache evicting = new SplitCache(lru, max, Duration.ZERO);
        for (Split split : splits) {
            assertEquals(parse(format, split), cached(evicting, format, split));
            assertTrue(total(cacheFiles(lru)) <= max);
        }
        assertTrue(evicting.stats().writes() >= splits.size() - 1);

        Path tiny = dir.resolve("tiny");
        SplitCache tooSmall = new SplitCache(tiny, one / 2);
        assertEquals(parse(format, splits.get(0)), cached(tooSmall, format, splits.get(0)));
        assertEquals(List.of(), cacheFiles(tiny));
    }

    @Test
    void textIsNotCached() throws IOException {
        Path file = dir.resolve("docs.txt");
        Files.writeString(file, "a b c\nd e\n");
        Split split = whole(file);
        SplitCache cache = roomyCache();
        TextLinesFormat format = TextLinesFormat.defaults();
        try (SplitReader reader = cache.open(format, split, DataSchema.TEXT, 0, 4)) {
            Batch batch = format.newBatch(4, DataSchema.TEXT);
            while (reader.next(batch)) {
                assertEquals(2, batch.size());
            }
        }
        assertEquals(List.of(), cacheFiles(dir.resolve("cache")));
    }
}
