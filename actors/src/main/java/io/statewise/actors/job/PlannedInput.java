package io.statewise.actors.job;

import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.Split;
import java.util.List;

/**
 * One data input cut into splits.
 *
 * @param format how its files are parsed
 * @param splits byte ranges aligned to record boundaries; ids 0..n-1
 */
public record PlannedInput(CsvFormat format, List<Split> splits) {
    public PlannedInput {
        splits = List.copyOf(splits);
    }
}
