package io.statewise.algorithms.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node-local, bounded, on-disk cache of parsed splits, so that multi-epoch jobs parse each split once: the first
 * complete read of a split tees every batch into a compact little-endian binary file; later opens of the same split
 * replay the batches from that file into the caller's reusable batch, with the same batch boundaries and the same
 * good and bad record counts as parsing ({@code SplitSession.skipBatches} and the job's counts rely on it).
 *
 * <p>Only numeric data is cached ({@link DenseBatch}, {@link SparseBatch}); text and series are always parsed. A
 * cache file is keyed by the source file (absolute path, size, last-modified time, file key), the split's byte range,
 * the format, the schema and the mini-batch capacity, so a changed source file or a different batch size never
 * replays stale batches. A file is written under a temporary name and renamed into place only when the whole split was
 * read: a read abandoned early (a sampling pass that wanted no more, a cancelled split, a failure) leaves no cache
 * file.
 *
 * <p>The cache never fails a read: a cache file that cannot be written is dropped, one that cannot be read or is
 * corrupt (every block carries a CRC-32C) is deleted and the split parsed again (mid-split, by re-parsing and
 * skipping the batches already delivered). A split whose cached bad-record count exceeds the reader's
 * {@code maxBadRecords} is parsed, so that the parser raises the error it would raise. Nothing is logged; see
 * {@link #stats()}.
 *
 * <p>Bound: committed cache files never exceed {@code maxBytes} in total. When a new file would not fit, the least
 * recently used files idle for longer than {@code evictIdleAfter} are deleted; if it still does not fit it is not
 * cached (so that a working set larger than the bound does not thrash: the splits already cached keep replaying).
 *
 * <p>Thread-safe: readers of different splits (or of the same split) may be opened from several threads.
 */
public final class SplitCache {

    static final int MAGIC = 0x43535753; // "SWSC" little-endian
    static final int END_MAGIC = 0x444E4553; // "SEND"
    static final int VERSION = 1;
    static final int BLOCK_BATCH = 1;
    static final int BLOCK_TRAILER = 2;
    /** type, length, crc of a block. */
    static final int BLOCK_HEADER_BYTES = 12;
    /** trailer offset (long) and end magic (int). */
    static final int FOOTER_BYTES = 12;
    static final String SUFFIX = ".split";
    static final String TEMP_SUFFIX = ".tmp";
    private static final Duration STALE_TEMP = Duration.ofHours(1);

    /**
     * What the cache did so far (since it was created).
     *
     * @param hits      opens that replayed a cache file
     * @param writes    cache files committed
     * @param dropped   cache files not committed: too large for the bound, a write error, a changed source
     * @param discarded cache files deleted as unreadable or corrupt (the split was parsed instead)
     */
    public record Stats(long hits, long writes, long dropped, long discarded) {}

    private final Path directory;
    private final long maxBytes;
    private final Duration evictIdleAfter;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private volatile boolean prepared;

    /** A cache in {@code directory} of at most {@code maxBytes}, evicting files idle for more than 10 minutes. */
    public SplitCache(Path directory, long maxBytes) {
        this(directory, maxBytes, Duration.ofMinutes(10));
    }

    /**
     * A cache in {@code directory} (created when first needed) of at most {@code maxBytes} in total.
     *
     * @param evictIdleAfter a cache file not replayed nor written for this long may be evicted to make room
     */
    public SplitCache(Path directory, long maxBytes, Duration evictIdleAfter) {
        if (directory == null) throw new IllegalArgumentException("directory is required");
        if (maxBytes < 0) throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
        if (evictIdleAfter == null || evictIdleAfter.isNegative()) {
            throw new IllegalArgumentException("evictIdleAfter must be >= 0, got " + evictIdleAfter);
        }
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.evictIdleAfter = evictIdleAfter;
    }

    public Path directory() {
        return directory;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Stats stats() {
        return new Stats(hits.get(), writes.get(), dropped.get(), discarded.get());
    }

    /**
     * A reader of {@code split}: replays its cache file when there is a valid one, otherwise parses it with
     * {@code format} (and caches it when the read completes). Same contract as {@link DataFormat#open}; fill batches
     * of {@code batchCapacity} records made by {@code format.newBatch} (a batch of another capacity is served by
     * parsing).
     *
     * @throws java.io.UncheckedIOException if the source file cannot be opened (as {@link DataFormat#open})
     */
    public SplitReader open(DataFormat format, Split split, DataSchema schema, long maxBadRecords,
                            int batchCapacity) {
        if (format instanceof TextFormat || format instanceof SeriesFormat || schema.text() || schema.series()
                || batchCapacity < 1) {
            return format.open(split, schema, maxBadRecords);
        }
        Key key;
        try {
            key = Key.of(format, split, schema, batchCapacity);
        } catch (IOException | RuntimeException e) {
            return format.open(split, schema, maxBadRecords); // reports a missing file as the parser does
        }
        Path file = directory.resolve(key.fileName());
        if (Files.isRegularFile(file)) {
            CachedSplitReader replay = null;
            try {
                replay = CachedSplitReader.open(this, file, key, format, split, schema, maxBadRecords);
            } catch (IOException | RuntimeException e) {
                discard(file);
            }
            if (replay != null) {
                if (replay.totalBadRecords() <= maxBadRecords) {
                    hits.incrementAndGet();
                    touch(file);
                    return replay;
                }
                replay.close(); // the parser raises the error the job expects
                return format.open(split, schema, maxBadRecords);
            }
        }
        SplitReader parser = format.open(split, schema, maxBadRecords);
        if (maxBytes == 0 || !prepare()) return parser;
        try {
            return new CachingSplitReader(this, parser, key, file, roomFor(file), format, schema);
        } catch (IOException | RuntimeException e) {
            dropped.incrementAndGet();
            return parser;
        }
    }

    private boolean prepare() {
        if (prepared) return true;
        synchronized (this) {
            if (prepared) return true;
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                return false;
            }
            deleteStaleTemps();
            prepared = true;
            return true;
        }
    }

    private void deleteStaleTemps() {
        long cutoff = System.currentTimeMillis() - STALE_TEMP.toMillis();
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                try {
                    if (Files.getLastModifiedTime(temp).toMillis() < cutoff) Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // another process may own it
                }
            }
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    /** Bytes a new cache file may take: the bound less the files that may not be evicted now. */
    synchronized long roomFor(Path target) {
        long pinned = 0;
        long cutoff = System.currentTimeMillis() - evictIdleAfter.toMillis();
        for (Entry e : entries(target)) {
            if (e.lastUsed >= cutoff) pinned += e.size;
        }
        return Math.max(0, maxBytes - pinned);
    }

    /** A temporary file next to the cache files, for a writer of {@code target}. */
    Path tempFor(Path target) {
        return directory.resolve(target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
    }

    /**
     * Moves a complete temporary file into place if it fits the bound (evicting idle files if needed); otherwise
     * deletes it.
     */
    synchronized void commit(Path temp, Path target) {
        try {
            long size = Files.size(temp);
            List<Entry> entries = entries(target);
            long total = entries.stream().mapToLong(e -> e.size).sum();
            if (size > maxBytes) {
                drop(temp);
                return;
            }
            if (total + size > maxBytes) {
                long cutoff = System.currentTimeMillis() - evictIdleAfter.toMillis();
                entries.sort(Comparator.comparingLong(e -> e.lastUsed));
                for (Entry e : entries) {
                    if (total + size <= maxBytes) break;
                    if (e.lastUsed >= cutoff) continue;
                    try {
                        Files.deleteIfExists(e.path);
                        total -= e.size;
                    } catch (IOException ignored) {
                        // still counted
                    }
                }
                if (total + size > maxBytes) {
                    drop(temp);
                    return;
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            touch(target);
            writes.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            drop(temp);
        }
    }

    /** Deletes an unfinished temporary file. */
    void drop(Path temp) {
        dropped.incrementAndGet();
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a stale temp is cleaned up later
        }
    }

    /** Deletes a cache file that could not be replayed. */
    void discard(Path file) {
        discarded.incrementAndGet();
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // replaced by the next complete read
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // only affects eviction order
        }
    }

    private record Entry(Path path, long size, long lastUsed) {}

    private List<Entry> entries(Path except) {
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path p : files) {
                if (p.equals(except)) continue;
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) out.add(new Entry(p, a.size(), a.lastModifiedTime().toMillis()));
                } catch (IOException ignored) {
                    // deleted meanwhile
                }
            }
        } catch (IOException ignored) {
            // an unreadable directory holds nothing we can count
        }
        return out;
    }

    /**
     * What identifies a cache file: the source file's identity and the way it is parsed into batches.
     *
     * @param text      the full key, stored in the file's header and compared on open
     * @param capacity  records per batch
     * @param dimension features per record
     * @param sparse    whether batches are {@link SparseBatch}es
     */
    record Key(String text, int capacity, int dimension, boolean sparse) {

        static Key of(DataFormat format, Split split, DataSchema schema, int capacity) throws IOException {
            Path source = Path.of(split.path()).toAbsolutePath().normalize();
            BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
            String text = "v" + VERSION + "|" + source + "|size=" + a.size()
                    + "|mtime=" + a.lastModifiedTime().to(TimeUnit.MICROSECONDS) + "|file=" + a.fileKey()
                    + "|range=" + split.start() + "-" + split.end() + "|gz=" + split.compressed()
                    + "|" + format + "|" + schema + "|batch=" + capacity;
            return new Key(text, capacity, schema.features(), format.sparse());
        }

        String fileName() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 16) + SUFFIX;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The file header: magic, version, key text, capacity, dimension, sparse. */
        ByteBuffer header() {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(4 + 4 + 4 + bytes.length + 4 + 4 + 1).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(MAGIC).putInt(VERSION).putInt(bytes.length).put(bytes).putInt(capacity).putInt(dimension)
                    .put((byte) (sparse ? 1 : 0));
            return b.flip();
        }
    }
}
