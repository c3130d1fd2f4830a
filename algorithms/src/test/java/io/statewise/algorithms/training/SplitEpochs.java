package io.statewise.algorithms.training;

import io.statewise.algorithms.State;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.Split;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The runtime's epochs without the runtime, for tests: each split from the epoch's base, partials merged in order. */
public final class SplitEpochs {

    private SplitEpochs() {}

    /**
     * The state after the trainer's epochs over {@code splits}: every split trained from the epoch's base (seed
     * {@code 31 * epoch + split id}, no bad record allowed), the partials merged in split order, then the epoch
     * completed.
     */
    public static State train(Trainer trainer, List<Split> splits, DataFormat format, DataSchema schema) {
        State base = trainer.emptyState(schema);
        for (int epoch = 1; epoch <= trainer.schedule().epochs(); epoch++) {
            State merged = null;
            for (Split split : splits) {
                State partial = trainer.trainSplit(base, split, format, schema, 31L * epoch + split.id(), 0,
                        new AtomicLong(), () -> false).partial();
                merged = merged == null ? partial : trainer.merge(merged, partial);
            }
            base = trainer.completeEpoch(base, merged);
        }
        return base;
    }
}
