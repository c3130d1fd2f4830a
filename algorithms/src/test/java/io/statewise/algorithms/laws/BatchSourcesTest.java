package io.statewise.algorithms.laws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The laws are only as good as their data: replayable, single-pass, reusing one batch like a reader. */
class BatchSourcesTest {

    @Test
    void aDensePassReplaysTheSameRecordsInOneReusedBatch() {
        BatchSource source = BatchSources.denseBlobs(3, 4, 1.0, 10, 5, 1);
        Iterator<Batch> first = source.open();
        Iterator<Batch> second = source.open();
        Batch reused = null;
        for (int i = 0; i < 5; i++) {
            DenseBatch a = (DenseBatch) first.next();
            DenseBatch b = (DenseBatch) second.next();
            if (reused != null) assertSame(reused, a);
            reused = a;
            assertEquals(10, a.size());
            assertArrayEquals(a.features(), b.features());
        }
        assertFalse(first.hasNext());
        assertThrows(NoSuchElementException.class, first::next);
        assertEquals(5, source.batches());
        assertFalse(source.schema().sparse());
    }

    @Test
    void sparseRecordsAreTheDenseOnesWithCoordinatesDropped() {
        Iterator<Batch> dense = BatchSources.denseBlobs(3, 8, 1.0, 50, 4, 2).open();
        BatchSource source = BatchSources.sparseBlobs(3, 8, 1.0, 0.25, 50, 4, 2);
        assertTrue(source.schema().sparse());
        long nonZeros = 0;
        for (Iterator<Batch> pass = source.open(); pass.hasNext(); ) {
            SparseBatch s = (SparseBatch) pass.next();
            DenseBatch d = (DenseBatch) dense.next();
            assertEquals(d.size(), s.size());
            for (int i = 0; i < s.size(); i++) {
                assertEquals(d.labels()[i], s.labels()[i]);
                for (int p = s.rowStart()[i]; p < s.rowStart()[i + 1]; p++) {
                    if (p > s.rowStart()[i]) assertTrue(s.indices()[p] > s.indices()[p - 1]);
                    assertEquals(d.features()[d.offset(i) + s.indices()[p]], s.values()[p]);
                }
            }
            nonZeros += s.nonZeros();
        }
        assertEquals(0.25, nonZeros / (4 * 50 * 8.0), 0.05);
    }

    @Test
    void copiesShareNoArrayAndScribblingDestroysEveryValue() {
        for (Batch batch : new Batch[] {BatchSources.denseBlobs(2, 3, 1.0, 6, 1, 3).open().next(),
                BatchSources.sparseBlobs(2, 3, 1.0, 0.5, 6, 1, 3).open().next()}) {
            Batch copy = Batches.copy(batch);
            assertEquals(batch.size(), copy.size());
            assertNotSame(batch.labels(), copy.labels());
            assertArrayEquals(Arrays.copyOf(batch.labels(), batch.size()), Arrays.copyOf(copy.labels(), copy.size()));
            assertEquals(2, Batches.copy(batch, 2).size());
            Batches.scribble(copy);
            float[] values = copy instanceof DenseBatch d ? d.features() : ((SparseBatch) copy).values();
            for (float v : values) assertFalse(Float.isFinite(v) && Math.abs(v) < 1e30f, "left " + v);
        }
    }
}
