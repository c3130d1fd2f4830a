package io.statewise.algorithms.laws;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import java.util.Iterator;

/**
 * A fixture's seeded data: every {@link #open()} replays the same {@link #batches()} batches. Like a real reader, one
 * pass refills a single reusable {@link Batch} object, so an algorithm that keeps a reference to a batch sees it
 * change; and a pass is an {@link Iterator}, read once, so an algorithm gets no second look at a record.
 */
public interface BatchSource {

    /** The shape of the records. */
    DataSchema schema();

    /** Batches one pass yields. */
    int batches();

    /** A new single pass over the data, the same records in the same order every time. */
    Iterator<Batch> open();
}
