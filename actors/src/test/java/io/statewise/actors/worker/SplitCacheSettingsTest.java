package io.statewise.actors.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.statewise.algorithms.data.SplitCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SplitCacheSettingsTest {

    private static final Path DATA = Path.of("node-data");

    @Test
    void theDefaultCacheLivesInTheNodeDataDirectory() {
        SplitCacheSettings s = SplitCacheSettings.from(ConfigFactory.load(), DATA);
        assertEquals(new SplitCacheSettings(true, 2L << 30, DATA.resolve("split-cache"), Duration.ofMinutes(10)), s);
        SplitCache cache = s.cache().orElseThrow();
        assertEquals(DATA.resolve("split-cache"), cache.directory());
        assertEquals(2L << 30, cache.maxBytes());
    }

    @Test
    void aDirectoryAndBoundMayBeSetOrTheCacheDisabled() {
        SplitCacheSettings s = SplitCacheSettings.from(ConfigFactory.parseString(
                "statewise.actors.split-cache { dir = \"elsewhere\", max-bytes = 64MiB }")
                .withFallback(ConfigFactory.load()), DATA);
        assertEquals(Path.of("elsewhere"), s.directory());
        assertEquals(64L << 20, s.maxBytes());
        assertEquals(Optional.empty(), SplitCacheSettings.from(ConfigFactory.parseString(
                "statewise.actors.split-cache.enabled = false").withFallback(ConfigFactory.load()), DATA).cache());
        assertTrue(SplitCacheSettings.from(ConfigFactory.parseString(
                "statewise.actors.split-cache.max-bytes = 0").withFallback(ConfigFactory.load()), DATA)
                .cache().isEmpty());
    }
}
