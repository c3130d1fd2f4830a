package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statewise.actors.testing.SystemCbor;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worker's node in merge events is optional: events journaled before it was recorded read with none (and count
 * for no node), events with one round-trip, through the actor system's own CBOR mapper.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeFieldsCompatibilityTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final String NODE = "pekko://statewise@127.0.0.1:2552";

    @RegisterExtension
    static final SystemCbor SYSTEM = new SystemCbor();
    private final ObjectMapper cbor = SYSTEM.mapper();

    @Test
    void mergeEventsWrittenBeforeNodesWereRecordedReadWithoutOne() throws Exception {
        byte[] oldSplit = cbor.writeValueAsBytes(Map.of("epoch", 2, "splitId", 3, "partial", new byte[] {1, 2},
                "records", 10, "badRecords", 1, "at", AT));
        JobEvent.SplitMerged split = cbor.readValue(oldSplit, JobEvent.SplitMerged.class);
        assertEquals(Optional.empty(), split.node());
        assertArrayEquals(new byte[] {1, 2}, split.partial());
        assertEquals(10, split.records());

        byte[] oldSegment = cbor.writeValueAsBytes(Map.of("epoch", 2, "splitId", 3, "segment", 0,
                "partial", new byte[] {1}, "records", 10, "badRecords", 0, "finished", true, "at", AT));
        assertEquals(Optional.empty(), cbor.readValue(oldSegment, JobEvent.SegmentMerged.class).node());
    }

    @Test
    void mergeEventsWithANodeRoundTrip() throws Exception {
        var event = new JobEvent.SplitMerged(1, 0, new byte[] {7}, 5, 0, AT, Optional.of(NODE));
        var back = cbor.readValue(cbor.writeValueAsBytes(event), JobEvent.SplitMerged.class);
        assertEquals(Optional.of(NODE), back.node());
        assertEquals(event.at(), back.at());
    }
}
