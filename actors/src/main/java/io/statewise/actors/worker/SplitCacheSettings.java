package io.statewise.actors.worker;

import com.typesafe.config.Config;
import io.statewise.algorithms.data.SplitCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The node's cache of parsed splits, read from {@code statewise.actors.split-cache} (see the module's reference.conf):
 * workers replay the batches of a split they read completely before instead of parsing it again every epoch.
 *
 * @param enabled        whether workers read through the cache
 * @param maxBytes       the most the cache files may take in total
 * @param directory      where the cache files live
 * @param evictIdleAfter a cache file unused for this long may be evicted to make room for another
 */
public record SplitCacheSettings(boolean enabled, long maxBytes, Path directory, Duration evictIdleAfter) {

    /** Reads {@code statewise.actors.split-cache}; an empty {@code dir} means {@code <dataDirectory>/split-cache}. */
    public static SplitCacheSettings from(Config root, Path dataDirectory) {
        Config c = root.getConfig("statewise.actors.split-cache");
        String dir = c.getString("dir");
        Path directory = dir.isBlank() ? dataDirectory.resolve("split-cache") : Path.of(dir);
        return new SplitCacheSettings(c.getBoolean("enabled"), c.getBytes("max-bytes"), directory,
                c.getDuration("evict-idle-after"));
    }

    /** The cache these settings describe, or empty when disabled (or bounded to nothing). */
    public Optional<SplitCache> cache() {
        if (!enabled || maxBytes <= 0) return Optional.empty();
        return Optional.of(new SplitCache(directory, maxBytes, evictIdleAfter));
    }
}
