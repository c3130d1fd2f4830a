package io.statewise.actors.job;

import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.Split;
import java.util.List;

/**
 * One data input cut into splits.
 *
 * @param format how its files are parsed (CSV or LibSVM)
 * @param splits byte ranges aligned to record boundaries; ids 0..n-1
 */
public record PlannedInput(InputFormat format, List<Split> splits) {
    public PlannedInput {
        splits = List.copyOf(splits);
    }

    /** The format as the algorithm module reads it. */
    public DataFormat dataFormat() {
        return format.toDataFormat();
    }
}
